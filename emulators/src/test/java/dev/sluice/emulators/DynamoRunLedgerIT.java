package dev.sluice.emulators;

import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.RunLedgerContract;
import dev.sluice.infra.DynamoRunLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
