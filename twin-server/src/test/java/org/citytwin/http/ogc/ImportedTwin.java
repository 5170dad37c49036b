package org.citytwin.http.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.store.TwinStore;

/** A real store filled from CityGML files and the real server over it on a free port. */
final class ImportedTwin implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final TwinStore store;
  final TwinServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  private ImportedTwin(TwinStore store, TwinServer server) {
    this.store = store;
    this.server = server;
  }

  static ImportedTwin of(Path storeDirectory, Path... citygml) throws Exception {
    TwinStore store = TwinStore.open(storeDirectory);
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(citygml)));
    }
    return new ImportedTwin(store, TwinServer.start(store, ServerOptions.onPort(0)));
  }

  /** GET of a path and raw query string (already encoded). */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + server.port() + pathAndQuery);
    return client.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
