package dev.sluice.testkit;

import dev.sluice.spi.Destination;

/** The conformance suite against the reference destination. */
class MemoryDestinationTest extends DestinationConformanceSuite {
    @Override
    protected Destination newDestination() {
        return new MemoryDestination();
    }
}
