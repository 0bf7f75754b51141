package dev.nodepulse.aggregator.scraper;

import java.net.URI;

/** Where to read one node's /metrics/resource. */
public record ScrapeTarget(String node, URI url) {}
