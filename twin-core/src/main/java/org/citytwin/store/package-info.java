/**
 * The spatial store: city objects in an H2GIS file database, imported per dataset with all-or-
 * nothing visibility and queried with {@link org.citytwin.query.Query}. The only package that
 * speaks SQL.
 *
 * <p>Schema (version 2): {@code dataset} has one row per import with a state ({@code LOADING},
 * {@code LIVE}, {@code REPLACED}); {@code city_object} has one row per object with the fixed query
 * attributes as typed, indexed columns, the 2D footprint (SRID 4326) and the 2D box of its 3D
 * envelope each under an H2 SPATIAL index (R-tree), the attributes and risks as JSON, and the LOD
 * geometries and meshes in a versioned binary blob ({@link GeometryBlob}); {@code object_attribute}
 * repeats each generic attribute as (name, number, text) so predicates on open-ended attribute
 * names are indexed lookups; {@code store_meta} holds the schema version and the store-wide change
 * counter.
 *
 * <p><b>Staged visibility instead of one import transaction.</b> Readers see only objects of {@code
 * LIVE} datasets. An import writes a new {@code LOADING} dataset in committed batches of {@link
 * ObjectInsert#BATCH_SIZE} objects; its commit is one short transaction that turns it {@code LIVE}
 * and the previous dataset of the same source {@code REPLACED}; replaced, aborted and crashed
 * imports are then deleted in equally small transactions, at the latest on the next open.
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
