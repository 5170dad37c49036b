/**
 * Imports CityGML sources into the store: one dataset per source, each in one transaction, with
 * duplicate gml:ids resolved by a fixed rule and every data problem counted in the summary.
 */
package org.citytwin.load;
