/**
 * Flood scenarios as JSON documents, the same for {@code twin flood run --scenario FILE.json} and
 * {@code POST /flood/runs}: parsing and validation that name the JSON field at fault ({@link
 * org.citytwin.scenario.ScenarioRequest} into {@link org.citytwin.scenario.ScenarioSpec}), the
 * checks against the store before a run ({@link org.citytwin.scenario.ScenarioChecks}), and the
 * solver scenario on a city terrain ({@link org.citytwin.scenario.CityScenario}). No Javalin here:
 * {@code http.flood} maps requests to these classes, and the server answers a refusal ({@link
 * org.citytwin.scenario.ScenarioRejected}, naming the field) as a 400 problem; a scenario file
 * turns it into an {@link org.citytwin.scenario.InvalidScenarioException} naming the file.
 */
package org.citytwin.scenario;
