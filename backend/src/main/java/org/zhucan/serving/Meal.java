package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.zhucan.diner.QuoteFacts;
import org.zhucan.menu.MenuChoices;
import org.zhucan.network.Site;
import org.zhucan.network.SiteSlot;
import org.zhucan.payments.PaymentInput;

/** A meal checked and ready to quote and insert. */
record Meal(Site site, SiteSlot slot, QuoteFacts diner, LocalDate date, Instant servedAt, Long bookingId,
                    VerificationMethod method, String note, List<MenuChoices.Priced> items, long priceFen, PaymentInput payment) {
}
