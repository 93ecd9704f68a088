package org.zhucan.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;
import org.zhucan.common.money.Money;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.diner.DinerStatus;
import org.zhucan.diner.QuoteFactsRow;
import org.zhucan.network.MealSlot;
import org.zhucan.payments.Payment;
import org.zhucan.payments.PaymentKind;
import org.zhucan.payments.PaymentMethod;

/**
 * The counter's read of a booking to serve (BookingMapper.xml's counterBooking): the booking's columns that serving uses,
 * its items as a JSON array of {p, d, s, n, u, q, c} (position, dish id, set meal, name, unit price fen, quantity, quota
 * counted), its open advance (null when it has none) and its diner's facts on its date (DinerMapper.xml's quoteFactsColumns).
 *
 * <p>MyBatis maps the row flat, through the second constructor, rather than through result maps nested for the advance and
 * the facts: nested maps make it build a key for every row and work out again, for every result set, which of the row's
 * columns each nested map takes. With the booking's 18 columns the counter never reads, that mapping was about half of
 * the read's CPU in the JVM on every served booking (a profile of the serving benchmark, 2026-12-06).
 */
record CounterBookingRow(long id, long dinerId, long siteId, LocalDate date, MealSlot slot, BookingStatus status, String pickupCode, int version,
                         String itemsJson, Payment openAdvance, QuoteFactsRow dinerFacts) {

    /** The row as the statement returns it, in its columns' order: the booking's, the advance's (all null for none), the facts'. */
    CounterBookingRow(long id, long dinerId, long siteId, LocalDate date, MealSlot slot, BookingStatus status, String pickupCode, int version,
                      String itemsJson,
                      Long advanceId, PaymentKind advanceKind, PaymentMethod advanceMethod, Money advanceAmount, Long advanceSiteId,
                      Long advanceDinerId, Long advanceMealRecordId, Long advanceBookingId, String advanceExternalReference,
                      Long advanceRefundsId, String advanceTakenBy, Instant advanceTakenAt, LocalDate advanceCashDate, Long advanceCashDayId,
                      long factsDinerId, String name, String idNumberMasked, LocalDate birthDate, IdNumber.Sex sex, String phoneMasked,
                      long homeCommunityId, String address, String dietaryNotes, DinerStatus dinerStatus, LocalDate statusSince, int dinerVersion,
                      Set<Allergen> allergies, Set<DietNeed> dietNeeds, DinerStatus statusOn, String categoriesOn, Long assessmentId,
                      Integer assessmentLevel, LocalDate assessedOn, String assessor) {
        this(id, dinerId, siteId, date, slot, status, pickupCode, version, itemsJson,
                advanceId == null ? null : new Payment(advanceId, advanceKind, advanceMethod, advanceAmount, advanceSiteId, advanceDinerId,
                        advanceMealRecordId, advanceBookingId, advanceExternalReference, advanceRefundsId, advanceTakenBy, advanceTakenAt,
                        advanceCashDate, advanceCashDayId),
                new QuoteFactsRow(factsDinerId, name, idNumberMasked, birthDate, sex, phoneMasked, homeCommunityId, address, dietaryNotes,
                        dinerStatus, statusSince, dinerVersion, allergies, dietNeeds, statusOn, categoriesOn, assessmentId, assessmentLevel,
                        assessedOn, assessor));
    }
}
