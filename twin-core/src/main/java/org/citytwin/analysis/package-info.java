/**
 * Summaries over many city objects, computed in one streaming pass: counts, sums, extremes and
 * histograms of numeric attributes, grouped by an attribute's value. Fed object by object (for
 * example by {@link org.citytwin.store.TwinStore#query}), so a city never has to fit in memory.
 */
package org.citytwin.analysis;
