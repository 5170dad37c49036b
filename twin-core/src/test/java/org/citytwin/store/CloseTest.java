package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a store while queries run: nothing breaks, and later calls fail clearly. */
class CloseTest {

  @TempDir Path directory;

  @Test
  void closeWaitsForQueriesInFlightAndRefusesLaterOnes() throws Exception {
    List<CityObject> objects = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      objects.add(StoreProcess.gridBox("b", 135.0, i));
    }
    TwinStore store = TwinStore.open(directory);
    TwinStoreTest.importAll(store, "a.gml", objects);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch running = new CountDownLatch(4);
    List<Future<Integer>> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      readers.add(pool.submit(() -> readUntilClosed(store, running)));
    }
    running.await();
    store.close();
    pool.shutdown();
    assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    for (Future<Integer> reader : readers) {
      assertTrue(reader.get() > 0, "each reader completed queries before the close");
    }
    try (TwinStore reopened = TwinStore.open(directory)) {
      assertEquals(500, reopened.count(Filter.all()));
    }
  }

  /** Queries until the store refuses with its closed message; returns the queries completed. */
  private static int readUntilClosed(TwinStore store, CountDownLatch running) throws Exception {
    int done = 0;
    while (true) {
      try {
        store.list(Query.of(Filter.all()).page(200, 0).withGeometry(true));
        done++;
        if (done == 1) {
          running.countDown();
        }
      } catch (StoreException e) {
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        return done;
      }
    }
  }
}
