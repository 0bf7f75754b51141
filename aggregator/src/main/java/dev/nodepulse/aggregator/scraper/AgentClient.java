package dev.nodepulse.aggregator.scraper;

import java.util.concurrent.CompletableFuture;

/** Fetches a node's /metrics/resource body; the future fails on a transport error, a timeout or a non-200. */
public interface AgentClient {

    CompletableFuture<byte[]> fetch(ScrapeTarget target);
}
