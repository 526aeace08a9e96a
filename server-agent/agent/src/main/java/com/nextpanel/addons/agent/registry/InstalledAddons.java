package com.nextpanel.addons.agent.registry;

import java.util.List;
import java.util.Optional;

/** What is installed, read from the registry table. */
public interface InstalledAddons {

    /** @return every installed addon, ordered by id */
    List<InstalledAddon> list();

    /** @return the installed addon with that id, or empty */
    Optional<InstalledAddon> find(String id);
}
