package com.nextpanel.addons.samples.email_marketing;

import com.nextpanel.addons.samples.common.Input;
import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.RouteRegistry;

/** {@code /api/v1/email/campaigns}. */
final class CampaignRoutes {

    static final String CAMPAIGNS = "/api/v1/email/campaigns";

    private final Campaigns campaigns;

    CampaignRoutes(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    void register(RouteRegistry routes) {
        routes.get(CAMPAIGNS, request -> AddonResponse.ok(campaigns.list()));
        routes.post(CAMPAIGNS, this::create);
        routes.get(CAMPAIGNS + "/{id}", request -> {
            long id = Input.pathId(request, "id");
            return AddonResponse.ok(campaigns.byId(id).orElseThrow(() -> Campaigns.missing(id)));
        });
        routes.post(CAMPAIGNS + "/{id}/send", request -> AddonResponse.ok(campaigns.send(Input.pathId(request, "id"))));
        routes.get(CAMPAIGNS + "/{id}/deliveries", request -> AddonResponse.ok(
                campaigns.deliveries(Input.pathId(request, "id"))));
    }

    /** POST {"name","subject","body"}: 201 with the draft. */
    private AddonResponse create(AddonRequest request) throws Exception {
        Input input = Input.body(request, "name", "subject", "body");
        return AddonResponse.created(campaigns.create(input.text("name", 200), input.text("subject", 200),
                input.text("body", 10000)));
    }
}
