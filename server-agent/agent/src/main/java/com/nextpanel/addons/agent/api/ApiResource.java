package com.nextpanel.addons.agent.api;

import java.util.List;

/** The routes of one resource (customers, addons, jobs ...), mounted together by an {@link ApiRouter}. */
public interface ApiResource {

    List<Route> routes();
}
