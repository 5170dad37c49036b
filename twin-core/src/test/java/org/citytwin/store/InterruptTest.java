package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it reads or writes the store (a cancelled request or job) must not
 * break the store for everyone else. With H2's default file system, file IO on an interrupted
 * thread closes the shared file channel (ClosedByInterruptException) and every later call fails
 * until the process restarts.
 */
class InterruptTest {

  @TempDir Path directory;

  private static List<CityObject> boxes(String prefix, int count) {
    List<CityObject> objects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      objects.add(StoreProcess.gridBox(prefix, 135.0, i));
    }
    return objects;
  }

  @Test
  void anInterruptedReaderLeavesTheStoreWorking() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", boxes("b", 500));
    }
    // Reopened, H2's page cache is cold: the interrupted read below must go to the file.
    try (TwinStore store = TwinStore.open(directory)) {
      AtomicBoolean stillInterrupted = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread reader =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  store.list(Query.of(Filter.all()).withGeometry(true));
                } catch (StoreException | RuntimeException e) {
                  failure.set(e); // failing this one call is allowed; breaking the store is not
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              });
      reader.start();
      reader.join();
      assertTrue(stillInterrupted.get(), "the store swallowed the reader's interrupt");
      assertEquals(500, store.list(Query.of(Filter.all()).withGeometry(true)).size());
      assertTrue(store.get("b0", true).isPresent());
      assertEquals(500, store.count(Filter.all()));
      System.out.println("interrupted reader: " + (failure.get() == null ? "completed" : failure));
    }
    try (TwinStore reopened = TwinStore.open(directory)) {
      assertEquals(500, reopened.count(Filter.all()));
    }
  }

  @Test
  void anInterruptedImportLeavesTheStoreWorking() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", boxes("a", 300));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  TwinStoreTest.importAll(store, "b.gml", boxes("b", 300));
                } catch (Exception e) {
                  failure.set(e);
                }
              });
      writer.start();
      writer.join();
      long count = store.count(Filter.all());
      // The import either committed whole or not at all; the store answers either way.
      assertTrue(count == 300 || count == 600, count + " objects");
      TwinStoreTest.importAll(store, "c.gml", boxes("c", 300));
      assertEquals(count + 300, store.count(Filter.all()));
      System.out.println("interrupted import: " + (failure.get() == null ? "completed" : failure));
    }
    try (TwinStore reopened = TwinStore.open(directory)) {
      assertTrue(reopened.count(Filter.all()) >= 600);
    }
  }
}
