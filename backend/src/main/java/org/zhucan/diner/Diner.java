package org.zhucan.diner;

import java.time.LocalDate;

import org.zhucan.common.pii.IdNumber;

/**
 * A diner as every read sees it: the personal numbers only in their masked form. The encrypted
 * numbers are read only by the audited reveal.
 */
public record Diner(long id, String name, String idNumberMasked, LocalDate birthDate, IdNumber.Sex sex, String phoneMasked,
                    long homeCommunityId, String address, String dietaryNotes, DinerStatus status, LocalDate statusSince,
                    int version) {
}
