/**
 * Reads CityGML 1.0, 2.0 and 3.0 with citygml4j's chunked streaming reader and turns each feature
 * into the twin's {@link org.citytwin.model.CityObject}s, with coordinates converted to the
 * canonical frame. The only package that imports citygml4j. PLATEAU's i-UR ({@code uro:}) ADE, for
 * which citygml4j has no module, is captured from each chunk's buffered XML events.
 */
package org.citytwin.citygml;
