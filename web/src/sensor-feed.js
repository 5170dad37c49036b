// The viewer's client of the sensor API (/sensors/v1, docs/SENSORS.md): entities, recent alerts,
// aggregates for charts, the crowd areas when the server has them, and the live Server-Sent
// Events (a snapshot, then observations and alerts as they are committed).

const ROOT = "sensors/v1";

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail ?? `HTTP ${response.status} for ${url}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

const encode = encodeURIComponent;

export class SensorFeed {
  /** The collections the server lists at /sensors/v1, or null when it serves no sensors. */
  async collections() {
    const response = await fetch(ROOT);
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      throw new Error(`HTTP ${response.status} for ${ROOT}`);
    }
    const landing = await response.json();
    return new Set((landing.value ?? []).map((link) => link.name));
  }

  /** {things, datastreams} as the API lists them. */
  async entities() {
    const [things, datastreams] = await Promise.all([
      json(`${ROOT}/Things`),
      json(`${ROOT}/Datastreams`),
    ]);
    return { things: things.value, datastreams: datastreams.value };
  }

  async recentAlerts(limit) {
    return (await json(`${ROOT}/Alerts?limit=${limit}`)).value;
  }

  /** Count, min, max and mean per interval over [from, to): Dates and an ISO 8601 duration. */
  async aggregates(datastreamId, from, to, interval) {
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), interval });
    return (await json(`${ROOT}/Datastreams/${encode(datastreamId)}/Aggregates?${query}`)).value;
  }

  /**
   * The crowd areas as a GeoJSON FeatureCollection, or null when this server has none (404): the
   * layer is optional.
   */
  async crowdAreas() {
    try {
      return await json(`${ROOT}/CrowdAreas`);
    } catch (e) {
      if (e.status === 404) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Opens the live stream. `handlers`: snapshot(observations), observations(observations),
   * alert(alert), congestion(data), connection("live" | "reconnecting"). The browser reconnects by
   * itself after a network error, and the server then starts again with a snapshot; after an
   * `overflow` (this page fell too far behind) we reconnect for a fresh snapshot.
   */
  live(handlers) {
    let source;
    const connect = () => {
      source = new EventSource(`${ROOT}/Events`);
      const on = (type, handler) =>
        source.addEventListener(type, (event) => handler(JSON.parse(event.data)));
      on("snapshot", (data) => {
        handlers.connection("live");
        handlers.snapshot(data.observations);
      });
      on("observations", (data) => handlers.observations(data.observations));
      on("alert", (alert) => handlers.alert(alert));
      on("congestion", (data) => handlers.congestion?.(data));
      source.addEventListener("overflow", () => {
        source.close();
        handlers.connection("reconnecting");
        connect();
      });
      source.onerror = () => handlers.connection("reconnecting");
    };
    connect();
    return { close: () => source.close() };
  }
}
