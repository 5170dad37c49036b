/**
 * The spatial store: city objects in an H2GIS file database, imported per dataset with all-or-
 * nothing visibility and queried with {@link org.citytwin.query.Query}. The only package that
 * speaks SQL.
 *
 * <p>Schema (version 3): {@code dataset} has one row per import with a state ({@code LOADING},
 * {@code LIVE}, {@code REPLACED}); {@code city_object} has one row per object with the fixed query
 * attributes as typed, indexed columns, the 2D footprint (SRID 4326) and the 2D box of its 3D
 * envelope each under an H2 SPATIAL index (R-tree), the attributes and risks as JSON, and the LOD
 * geometries and meshes in a versioned binary blob ({@link GeometryBlob}); {@code attribute_name}
 * lists each import's generic attribute names per object type with their kind, written once when
 * the import is published; {@code store_meta} holds the schema version and the store-wide change
 * counter. Version 2 stores, which repeated every generic attribute as a row of an indexed {@code
 * object_attribute} table, are upgraded on open.
 *
 * <p><b>Generic attributes are not indexed.</b> A predicate or sort key on a name that is not a
 * {@link org.citytwin.query.FixedAttribute} reads the value from {@code attributes_json} through
 * the deterministic functions {@code TWIN_ATTR_NUM} and {@code TWIN_ATTR_TEXT} ({@link
 * SqlFunctions}), so H2 evaluates it on the rows left by the indexed predicates (type, bounding box
 * R-trees, fixed columns). That keeps an import to one row per object, which made writes about
 * three times faster than indexing every attribute; a query filtering only on generic attributes
 * reads every live object.
 *
 * <p><b>Staged visibility instead of one import transaction.</b> Readers see only objects of {@code
 * LIVE} datasets. An import writes a new {@code LOADING} dataset in committed batches of {@link
 * ObjectInsert} batches; its commit is one short transaction that turns it {@code LIVE} and the
 * previous dataset of the same source {@code REPLACED}; replaced, aborted and crashed imports are
 * then deleted in equally small transactions, at the latest on the next open.
 *
 * <p>Why: H2 2.4.240 cannot reopen a database whose file holds a chunk written while R-tree changes
 * were uncommitted ({@code MVStoreException: Unable to read the page ... ValueDataType cannot be
 * cast to SpatialDataType}, thrown while the undo log is read on recovery). Measured with a process
 * halted mid-transaction: 1,200 uncommitted inserts recovered, 2,500 and 6,200 did not, because
 * H2's background writer (every 500 ms by default) or its unsaved-memory trigger (about 19 MB) had
 * written a chunk by then. Small batches alone do not help: with the background writer on, even
 * 250-row transactions leave such a chunk whenever the writer fires mid-batch. So the store opens
 * the database with {@code WRITE_DELAY=0}, which turns the background writer off and makes H2 write
 * the file at each commit, and keeps each transaction's changes (an estimated 1.5 MB of rows for
 * 250 buildings) well below the memory trigger: the file is then only ever written at commit
 * points, when no R-tree change is pending.
 */
package org.citytwin.store;
