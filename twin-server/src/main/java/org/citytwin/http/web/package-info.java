/**
 * The browser viewer at {@code /}: the files that {@code web/build.mjs} puts on the classpath (our
 * viewer and CesiumJS's prebuilt bundle), served as static files.
 */
package org.citytwin.http.web;
