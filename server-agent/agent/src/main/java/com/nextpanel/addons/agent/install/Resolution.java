package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.catalog.client.CatalogTarget;
import java.util.List;

/**
 * What the resolver found: the packages to bring in, dependencies first, or every reason it cannot.
 *
 * @param targets the packages, dependencies first, the requested addon last
 * @param reasons empty when it can run; otherwise every problem, each naming the addons and versions at fault
 */
record Resolution(List<CatalogTarget> targets, List<String> reasons) {

    Resolution {
        targets = List.copyOf(targets);
        reasons = List.copyOf(reasons);
    }
}
