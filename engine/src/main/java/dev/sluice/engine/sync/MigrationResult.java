package dev.sluice.engine.sync;

import java.util.Map;

/**
 * What migrating the destinations did: how many tables were migrated, and the tables whose
 * migration {@code migrate_mode: safe} refused, each with the message naming destination,
 * table, column and change. A refused table fails alone; the others sync.
 */
public record MigrationResult(int migrated, Map<String, String> refused) {
    public MigrationResult {
        refused = Map.copyOf(refused);
    }
}
