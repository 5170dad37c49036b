package org.citytwin.http.sensors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.sensor.CongestionChange;
import org.citytwin.sensor.DatastreamSelection;
import org.citytwin.sensor.FeedEvent;
import org.citytwin.sensor.FeedSubscription;
import org.citytwin.sensor.Observation;
import org.citytwin.sensor.SensorService;

/**
 * {@code GET /sensors/v1/Events}: Server-Sent Events of the selected datastreams. First a {@code
 * snapshot} event with the latest observation of each, then, in commit order, {@code observations}
 * events (all observations committed together that the client has not yet been sent, as one JSON
 * array), {@code alert} events and {@code congestion} events (a crowd area's level changed); each
 * event's id is the feed sequence of its last item. A client that falls {@link #QUEUE_EVENTS}
 * events behind gets an {@code overflow} event and is disconnected, so it never misses events
 * without knowing; it reconnects for a new snapshot.
 *
 * <p>Each client has a sender thread of its own that blocks on the client's socket, so a slow
 * client delays nobody else.
 */
final class EventStream {
  static final int QUEUE_EVENTS = 200_000;
  static final int MAX_EVENTS_PER_MESSAGE = 10_000;
  static final long KEEP_ALIVE_SECONDS = 15;
  private static final JsonFactory JSON = new JsonFactory();

  private final SensorService service;
  private final Set<Thread> senders = ConcurrentHashMap.newKeySet();

  EventStream(SensorService service) {
    this.service = service;
  }

  void open(Context ctx) throws Exception {
    DatastreamSelection selection = Selections.of(RequestParameters.of(ctx, Selections.PARAMETERS));
    String accept = ctx.header("Accept");
    // SseHandler streams only to clients that ask for event streams by name, and answers others
    // with an empty 200; say why instead.
    if (accept == null || !accept.contains("text/event-stream")) {
      throw HttpProblem.notAcceptable(
          "this resource is a Server-Sent Events stream: send Accept: text/event-stream");
    }
    new SseHandler(client -> start(client, selection)).handle(ctx);
  }

  private void start(SseClient client, DatastreamSelection selection) {
    FeedSubscription subscription = service.subscribe(selection, QUEUE_EVENTS);
    client.onClose(subscription::close);
    client.keepAlive();
    Thread sender =
        new Thread(
            () -> {
              try {
                send(client, subscription);
              } finally {
                senders.remove(Thread.currentThread());
              }
            },
            "sse-client");
    sender.setDaemon(true);
    senders.add(sender);
    sender.start();
  }

  /**
   * Ends every stream while the server can still finish their requests: called when the server
   * stops. A sender left waiting for its next keep-alive would otherwise complete its request after
   * Jetty recycled it, which sends Javalin's error handling round in a loop on that thread.
   */
  void closeAll() throws InterruptedException {
    for (Thread sender : senders) {
      sender.interrupt();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread sender : senders) {
      sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }

  private static void send(SseClient client, FeedSubscription subscription) {
    try (subscription) {
      client.sendEvent(
          "snapshot",
          observations(subscription.snapshot()),
          Long.toString(subscription.snapshotSequence()));
      List<FeedEvent> events = new ArrayList<>();
      while (!client.terminated() && !subscription.closed()) {
        events.clear();
        int n =
            subscription.poll(events, MAX_EVENTS_PER_MESSAGE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        if (n == 0) {
          if (subscription.overflowed()) {
            client.sendEvent(
                "overflow",
                "{\"detail\":\"this client fell more than "
                    + QUEUE_EVENTS
                    + " events behind and was disconnected; reconnect for a new snapshot\"}");
            break;
          }
          client.sendComment("keep-alive");
          continue;
        }
        sendAll(client, events);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The client went away mid-write; its subscription is closed by the try above.
    } finally {
      client.close();
    }
  }

  /** Runs of observations become one event each; alerts are events of their own. */
  private static void sendAll(SseClient client, List<FeedEvent> events) {
    List<Observation> run = new ArrayList<>();
    long runEnd = 0;
    for (FeedEvent event : events) {
      if (event instanceof FeedEvent.ObservationEvent o) {
        run.add(o.observation());
        runEnd = o.sequence();
      } else if (event instanceof FeedEvent.AlertEvent a) {
        flush(client, run, runEnd);
        client.sendEvent("alert", alert(a), Long.toString(a.sequence()));
      } else if (event instanceof FeedEvent.CongestionEvent c) {
        flush(client, run, runEnd);
        client.sendEvent("congestion", congestion(c.change()), Long.toString(c.sequence()));
      }
    }
    flush(client, run, runEnd);
  }

  private static void flush(SseClient client, List<Observation> run, long sequence) {
    if (!run.isEmpty()) {
      client.sendEvent("observations", observations(run), Long.toString(sequence));
      run.clear();
    }
  }

  private static String observations(List<Observation> observations) {
    return json(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("observations");
          for (Observation o : observations) {
            ObservationJson.write(json, o);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static String congestion(CongestionChange change) {
    return json(
        json -> {
          json.writeStartObject();
          json.writeStringField("area", change.areaId());
          json.writeStringField("datastream", change.datastreamId());
          json.writeStringField("phenomenonTime", change.phenomenonTime().toString());
          json.writeNumberField("persons", change.persons());
          json.writeNumberField("personsPerSquareMetre", change.personsPerSquareMetre());
          if (change.from() == null) {
            json.writeNullField("from");
          } else {
            json.writeStringField("from", CrowdResource.levelName(change.from()));
          }
          json.writeStringField("to", CrowdResource.levelName(change.to()));
          json.writeEndObject();
        });
  }

  private static String alert(FeedEvent.AlertEvent event) {
    return json(json -> ObservationJson.write(json, event.alert()));
  }

  private static String json(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }
}
