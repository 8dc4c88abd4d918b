package dev.sluice.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.RunLedgerContract;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.StartResult;
import dev.sluice.infra.DynamoRunLedger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger contract on DynamoDB (dynalite): each test gets a runs table of its own. */
class DynamoRunLedgerIT extends RunLedgerContract {
    private static LocalAws aws;

    @BeforeAll
    static void startEmulators() {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopEmulators() {
        if (aws != null) {
            aws.close();
        }
    }

    @Override
    protected RunLedger newLedger() {
        return new DynamoRunLedger(aws.dynamo(), aws.newRunsTable());
    }

    /** A start that died after taking the lease, before any run record: the lease holds until its own hold, then is taken over. */
    @Test
    void aLeaseWhoseRunWasNeverRecordedIsTakenOverAfterItsHold() {
        String table = aws.newRunsTable();
        DynamoRunLedger dynamo = new DynamoRunLedger(aws.dynamo(), table);
        aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("lease#src"),
                "sk", AttributeValue.fromS("lease"), "run_id", AttributeValue.fromS("ghost"),
                "lease_until", AttributeValue.fromS("2024-05-01T10:30:00.000000000Z"))));
        assertThat(dynamo.active("src", T0)).contains("ghost");
        RunRecord early = RunRecord.started(new Run("early", "src", T0.plusSeconds(60)), T0.plusSeconds(60), T0.plus(STALL), 1);
        assertThat(dynamo.start(early, items(early, "users"))).isEqualTo(StartResult.refused("ghost"));
        Instant later = T0.plus(STALL).plusSeconds(1);
        assertThat(dynamo.active("src", later)).isEmpty();
        RunRecord next = RunRecord.started(new Run("next", "src", later), later, later.plus(STALL), 1);
        assertThat(dynamo.start(next, items(next, "users")).started()).isTrue();
        assertThat(dynamo.active("src", later)).contains("next");
        assertThat(dynamo.items("next")).hasSize(1);
    }
}
