package dev.sluice.testkit;

/**
 * The tests every destination passes (CloudQuery plugin-sdk's writer suite, for Sluice's SPI).
 * A destination's test module extends it and supplies a fresh, empty destination:
 *
 * <pre>{@code
 * class SqliteDestinationTest extends DestinationConformanceSuite {
 *     @TempDir Path dir;
 *     protected Destination newDestination() {
 *         return new SqliteDestination(new SqliteConfig(Optional.of(dir.resolve("t.sqlite"))));
 *     }
 * }
 * }</pre>
 *
 * The suite opens the destination before each test and closes it after. The tests are grouped
 * by subject, one class each, chained so that this class inherits them all:
 * <ul>
 *   <li>{@link WriteConformance}: primary key upserts (last of equal keys in a batch wins),
 *       unique key alone skips stored and in-batch duplicates, neither appends; a redelivered
 *       batch changes nothing under upsert and unique-key insert; a batch with a bad row stores
 *       nothing; concurrent writers;</li>
 *   <li>{@link DeleteStaleConformance}: exactly the source's rows older than the sync time, and
 *       scoped to a partition only those whose scope columns (odd names too) hold its values;
 *       a scope it cannot apply is refused, deleting nothing;</li>
 *   <li>{@link MigrationConformance}: SAFE creates, adds nullable columns, refuses type, key and
 *       NOT NULL changes naming table, column and change, changing no table; FORCED recreates;</li>
 *   <li>{@link ValueConformance}: every type round-trips (nulls, empties, unicode, extremes,
 *       1 MiB values); NaN and infinities; odd names as tables, columns and keys;</li>
 *   <li>{@link StateStoreConformance}: compare-and-set, including eight racing writers.</li>
 * </ul>
 * Hooks: {@link #newDestination()} (required) and {@link #normalizeJson(String)}. A destination
 * that cannot pass a test for a documented reason overrides that test method with
 * {@code @Disabled("reason")}.
 */
public abstract class DestinationConformanceSuite extends StateStoreConformance {
}
