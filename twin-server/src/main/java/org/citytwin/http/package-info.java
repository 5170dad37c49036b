/**
 * The twin's HTTP server: the only package (with its subpackages) that imports Javalin. Handlers
 * stay thin: validate parameters ({@link org.citytwin.http.RequestParameters}), call core, write;
 * every failure becomes an RFC 9457 {@code application/problem+json} response in one place ({@link
 * org.citytwin.http.ProblemResponses}).
 */
package org.citytwin.http;
