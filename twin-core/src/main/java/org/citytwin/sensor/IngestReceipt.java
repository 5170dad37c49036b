package org.citytwin.sensor;

/**
 * The acknowledgement of an ingest: its {@code observations} are committed, in a group commit of
 * {@code groupObservations} observations that recorded {@code groupAlerts} alerts.
 */
public record IngestReceipt(int observations, int groupObservations, int groupAlerts) {}
