package org.zhucan.common.graphql;

/**
 * An instrumentation whose {@code instrumentDataFetcher} hands a trivial data fetcher (a property read,
 * {@code InstrumentationFieldFetchParameters.isTrivialDataFetcher()}) back as it is. The
 * {@link LeanInstrumentationChain} does not ask it about those: when every member that wraps data fetchers says so,
 * a property read passes the chain without a call to any of them. Say it only of a member that checks
 * {@code isTrivialDataFetcher()} first and returns the fetcher given.
 */
interface LeavesPropertyReadsAlone {
}
