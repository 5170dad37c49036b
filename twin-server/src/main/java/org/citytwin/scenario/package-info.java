/**
 * Flood scenarios as JSON documents, the same for {@code twin flood run --scenario FILE.json} and
 * {@code POST /flood/runs}: parsing and validation that name the JSON field at fault ({@link
 * org.citytwin.scenario.ScenarioRequest} into {@link org.citytwin.scenario.ScenarioSpec}), the
 * checks against the store before a run ({@link org.citytwin.scenario.ScenarioChecks}), and the
 * solver scenario on a city terrain ({@link org.citytwin.scenario.CityScenario}). No Javalin here:
 * {@code http.flood} maps requests to these classes and refusals to problem responses. Refusals are
 * still {@link org.citytwin.http.HttpProblem}s (a plain exception with a status and the field),
 * which a scenario file turns into an {@link org.citytwin.scenario.InvalidScenarioException}.
 */
package org.citytwin.scenario;
