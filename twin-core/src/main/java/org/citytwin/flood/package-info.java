/**
 * Urban flood simulation on a {@link org.citytwin.terrain.TerrainGrid}: the local inertial shallow
 * water formulation of Bates, Horritt and Fewtrell (2010) with the q-centred weighting of de
 * Almeida et al. (2012), as in LISFLOOD-FP. {@link org.citytwin.flood.FloodSolver} runs a {@link
 * org.citytwin.flood.FloodScenario} and returns a {@link org.citytwin.flood.FloodResult}; see
 * docs/FLOOD.md for the equations and the checks.
 */
package org.citytwin.flood;
