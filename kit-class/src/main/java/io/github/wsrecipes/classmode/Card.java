package io.github.wsrecipes.classmode;

import java.util.List;

import io.github.wsrecipes.classmode.Recipes.Recipe;
import io.github.wsrecipes.classmode.Recipes.Running;

/**
 * One recipe's card on the landing page: up with its links, or down with the reason.
 *
 * @param lanLinks the page's address from other machines (empty unless listening on 0.0.0.0)
 */
record Card(Recipe recipe, Running running, String whyDown, List<String> lanLinks) {

    boolean up() {
        return running != null;
    }

    String localLink() {
        return up() ? running.page().toString() : null;
    }

    /** The link a phone should open: the LAN one in a classroom, else this machine's. */
    String shareLink() {
        return lanLinks.isEmpty() ? localLink() : lanLinks.get(0);
    }

    int clients() {
        return up() ? running.clients().getAsInt() : 0;
    }
}
