package dev.nodepulse.aggregator.scraper;

/** Hooks for self-metrics: one per node request, one per tick. */
public interface ScrapeObserver {

    ScrapeObserver NONE = new ScrapeObserver() {
        @Override
        public void request(String node, double seconds, boolean success) {}

        @Override
        public void tick(double seconds) {}
    };

    void request(String node, double seconds, boolean success);

    void tick(double seconds);
}
