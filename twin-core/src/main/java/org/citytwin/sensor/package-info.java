/**
 * Live sensor data bound to the city, modelled after OGC SensorThings: {@link Thing}s placed at a
 * {@link Location} or bound to a city object, {@link Sensor}s, {@link ObservedProperty}s, {@link
 * Datastream}s with a unit and a {@link ObservationKind}, and {@link Observation}s. {@link
 * SensorService} ingests with group commit, keeps the latest value per datastream, detects
 * water-level threshold crossings ({@link WaterLevelStage}) and pushes every committed observation
 * to {@link ObservationFeed} subscribers. People counts of {@link CrowdArea}s become densities on
 * the {@link WalkableGround} the city model leaves, congestion levels and {@link CrowdForecast}s.
 * Invalid values throw {@link InvalidSensorDataException} naming the field.
 */
package org.citytwin.sensor;
