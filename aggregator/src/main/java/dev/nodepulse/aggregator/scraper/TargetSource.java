package dev.nodepulse.aggregator.scraper;

import java.util.List;

/** The nodes to scrape this tick: a static list, or the node informer resolved to addresses. */
public interface TargetSource {

    List<ScrapeTarget> targets() throws Exception;
}
