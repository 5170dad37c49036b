/**
 * The live sensor API under {@code /sensors/v1}, shaped after OGC SensorThings: entities created
 * and updated with {@code PUT}, observations posted one by one or in batches, the latest values,
 * time ranges and interval aggregates as JSON or CSV, threshold alerts, crowd areas as GeoJSON with
 * their weekday and time-of-day forecasts, and a Server-Sent Events stream with a snapshot on
 * connect. Writes need the bearer token the server was started with.
 */
package org.citytwin.http.sensors;
