/**
 * The spatial store: city objects in an H2GIS file database, imported per dataset with all-or-
 * nothing visibility and queried with {@link org.citytwin.query.Query}. The only package that
 * speaks SQL.
 *
 * <p>Schema (version 4): {@code dataset} has one row per import with a state ({@code LOADING},
 * {@code LIVE}, {@code REPLACED}); {@code city_object} has one row per object with the fixed query
 * attributes as typed, indexed columns, the 2D footprint (SRID 4326) and the 2D box of its 3D
 * envelope each under an H2 SPATIAL index (R-tree), the attributes and risks as JSON, and the LOD
 * geometries and meshes in a versioned binary blob ({@link GeometryBlob}); {@code attribute_name}
 * lists each import's generic attribute names per object type with their kind, written once when
 * the import is published; {@code type_summary} holds each import's object count and extent per
 * type, written in the same transaction, so the collection list reads a few rows; {@code
 * store_meta} holds the schema version and the store-wide change counter. Version 2 stores, which
 * repeated every generic attribute as a row of an indexed {@code object_attribute} table, and
 * version 3 stores, which had no type summaries, are upgraded on open.
 *
 * <p><b>In-memory footprint index.</b> Bounding-box queries (optionally by type, in the default
 * order) are answered from a {@link SpatialSnapshot} of the live footprint boxes built once per
 * store version: about 30 times faster than H2's R-tree scan at 100,000 buildings. H2 then only
 * tests the footprints that cross the box's edge and reads the page's rows by primary key. Until
 * the snapshot of a new version is built (in the background, on the first query after an import),
 * queries run on H2's R-trees.
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
 * LIVE} datasets. An import writes a new {@code LOADING} dataset in committed batches ({@link
 * ObjectInsert}); its commit is one short transaction that turns it {@code LIVE} and the previous
 * dataset of the same source {@code REPLACED}; replaced, aborted and crashed imports are then
 * deleted in equally small transactions, at the latest on the next open.
 *
 * <p>Why: H2 2.4.240 cannot reopen a database whose file holds a chunk written while R-tree changes
 * were uncommitted ({@code MVStoreException: Unable to read the page ... ValueDataType cannot be
 * cast to SpatialDataType}, thrown while the undo log is read on recovery). Measured with a process
 * halted mid-transaction: 1,200 uncommitted inserts recovered, 2,500 and 6,200 did not, because
 * H2's background writer (every 500 ms by default) or its unsaved-memory trigger (about 19 MB) had
 * written a chunk by then. Small batches alone do not help: with the background writer on, even
 * 250-row transactions leave such a chunk whenever the writer fires mid-batch. So the store opens
 * the database with {@code WRITE_DELAY=0}, which turns the background writer off and makes H2 write
 * the file at each commit, and commits each batch once H2's own count of unsaved bytes reaches a
 * third of the memory trigger (measured: about 25 KB per LOD1 building, so about 250 buildings and
 * at most 6.7 MB per batch against a 19 MB trigger; the trigger is smaller with a heap under 1 GB,
 * and the budget follows it): the file is then only ever written at commit points, when no R-tree
 * change is pending.
 *
 * <p><b>File size.</b> The background writer that {@code WRITE_DELAY=0} turns off is also what
 * rewrites sparsely used chunks, so the store does it itself after every commit or abort of an
 * import ({@link StoreFile#compact}); the space freed is reused by later writes once H2's 45 s
 * retention time has passed. Measured with 20,000 LOD1 buildings: 107 MB after the import, 263 MB
 * after importing them again, then about 45 MB more per further re-import, 262 MB once H2's own
 * compaction on close has run (it is not run on a live store: it tripped H2's assertions there).
 * Values of JSON and geometry columns up to 16 KB are kept in their row rather than in H2's
 * separate LOB storage.
 *
 * <p><b>Closing.</b> Every call holds a read lock of the store while it uses the database; {@link
 * TwinStore#close} takes the write lock, so it waits for calls in flight (up to 30 s) before it
 * releases the database, and calls made after it fail with a {@link StoreException}.
 */
package org.citytwin.store;
