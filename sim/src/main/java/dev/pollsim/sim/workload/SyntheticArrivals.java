package dev.pollsim.sim.workload;

/** Arrivals from a point process, each job with a sampled service time and a fixed origin. */
public final class SyntheticArrivals implements ArrivalSource {

    private final ArrivalProcess process;
    private final ServiceTime service;
    private final Origin origin;
    private long serviceUs;

    public SyntheticArrivals(ArrivalProcess process, ServiceTime service, Origin origin) {
        this.process = process;
        this.service = service;
        this.origin = origin;
    }

    @Override
    public long next() {
        long t = process.nextTimeUs();
        if (t != NONE) {
            serviceUs = service.sampleUs();
        }
        return t;
    }

    @Override
    public long serviceUs() {
        return serviceUs;
    }

    @Override
    public Origin origin() {
        return origin;
    }
}
