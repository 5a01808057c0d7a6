package io.portcullis.platform;

import io.portcullis.intent.FilterIntent;

/**
 * How a platform combines owned filters with a foreign filter already bound where the policy binds
 * (design.md section 6: only when the inventory sets {@code chain-foreign}). Only owned nodes are
 * ever created or removed; the foreign filter and its binding stay as the operator wrote them.
 */
public interface Chaining {

    /**
     * The owned configuration in chained form for what the router holds (foreign bindings and
     * filters in {@code seen}): e.g. SR OS embeds our drop entries into the operator's filter.
     *
     * @param wanted the normalized intent (bound directly)
     * @throws ChainRefusedException one sentence naming the foreign filter when it cannot be chained
     */
    FilterIntent chain(FilterIntent wanted, ReadResult seen);

    /**
     * What the router applies at the attach points when it holds {@code owned} next to the foreign
     * configuration in {@code seen}: foreign filters with owned entries merged where the platform
     * evaluates them, bound where the foreign filter is bound. Owned terms inside a foreign filter
     * are named {@code OWNED-FILTER:term}, so a verdict tells whose entry decided. The verifier
     * proves this, not the owned parts alone.
     */
    FilterIntent effective(FilterIntent owned, ReadResult seen);
}
