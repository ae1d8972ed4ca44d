import { isDeepStrictEqual } from 'node:util';
import { FOOD_CLASSIFICATION_RULES } from '../../src/domain/classification/classification-rules';
import { suggestClassification } from '../../src/domain/classification/suggest-classification';
import { COMPLAINT_NUMBER_PATTERN } from '../../src/domain/complaint/complaint';
import { normaliseCustomerPhone } from '../../src/domain/reference/normalise-customer-phone';
import { buildSearchTerms } from '../../src/domain/search/build-search-terms';
import type { SqlRunner } from '../lib/bench-target';

export { profileData } from './profile-data';

const TERMINAL = `('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;

type Sampled = {
  id: string;
  number: string;
  customer_name: string;
  customer_phone: string | null;
  customer_phone_norm: string | null;
  customer_type: string;
  description: string;
  product_name: string | null;
  batch_no: string | null;
  kind: string;
  channel: string;
  injury: string;
  flags: string[];
  scope: string;
  claimed_amount_fen: string | null;
  price_fen: string | null;
  suggestion: unknown;
};

const fail = (what: string, bad: number, of: number) => {
  if (bad > 0) throw new Error(`derived columns: ${what} wrong in ${bad} of ${of} rows`);
};

/**
 * Checks the columns the product derives, after every load, and throws on the first mismatch:
 * - numbers KS-YYYY-NNNNNN gapless per year and continued by complaint_counters (R-INT-3);
 * - next_due_at / breached = complaintRepo.refreshDueSummary over the clocks, for every open complaint and 2 % of
 *   the closed ones; clock states consistent (met xor cancelled, late = met after due, breached after due, …);
 * - search_vector = buildSearchTerms([name, description, product, batch]), phones = normaliseCustomerPhone(phone)
 *   and suggestion = suggestClassification(the intake form), on 500 sampled complaints (and 500 customers).
 * Returns a one-line summary.
 */
export const checkDerivedColumns = async (runner: SqlRunner): Promise<string> => {
  const [numbers] = await runner.query<{ bad: number; years: number; bad_years: number }>(
    `SELECT count(*) FILTER (WHERE number <> 'KS-' || year || '-' || lpad(seq::text, 6, '0'))::int AS bad,
       count(DISTINCT year)::int AS years,
       (SELECT count(*)::int FROM (SELECT year, count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM complaints GROUP BY year) y
         LEFT JOIN complaint_counters cc USING (year) WHERE y.lo <> 1 OR y.hi <> y.n OR cc.last IS DISTINCT FROM y.hi) AS bad_years
     FROM complaints`,
  );
  fail('numbers', (numbers?.bad ?? 0) + (numbers?.bad_years ?? 0), numbers?.years ?? 0);

  const [due] = await runner.query<{ open: number; closed: number; bad: number }>(
    `WITH s AS (SELECT c.status, c.next_due_at, c.breached,
         (SELECT min(d.due_at) FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL
           AND d.cancelled_at IS NULL AND NOT d.paused) AS want_due,
         EXISTS (SELECT 1 FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.breached_at IS NOT NULL
           AND d.met_at IS NULL AND d.cancelled_at IS NULL) AS want_breached
       FROM complaints c WHERE c.status NOT IN ${TERMINAL} OR c.seq % 50 = 7)
     SELECT count(*) FILTER (WHERE status NOT IN ${TERMINAL})::int AS open,
       count(*) FILTER (WHERE status IN ${TERMINAL})::int AS closed,
       count(*) FILTER (WHERE next_due_at IS DISTINCT FROM want_due OR breached <> want_breached)::int AS bad FROM s`,
  );
  fail('next_due_at / breached', due?.bad ?? 0, (due?.open ?? 0) + (due?.closed ?? 0));

  const [clocks] = await runner.query<{ n: number; bad: number; open_in_closed: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE (met_at IS NOT NULL AND cancelled_at IS NOT NULL)
         OR (met_at IS NULL) <> (late IS NULL) OR late <> (met_at > due_at) OR breached_at <= due_at
         OR (breached_at IS NOT NULL AND warned_at IS NULL) OR warn_at > due_at OR warn_at < started_at
         OR (paused AND (met_at IS NOT NULL OR cancelled_at IS NOT NULL)) OR (paused <> (pauses <> '[]'::jsonb))
         OR (breached_at IS NULL) <> (escalation_level = 0))::int AS bad,
       (SELECT count(*)::int FROM complaint_deadlines d JOIN complaints c ON c.id = d.complaint_id
         WHERE c.status IN ${TERMINAL} AND d.met_at IS NULL AND d.cancelled_at IS NULL AND c.seq % 50 = 7) AS open_in_closed
     FROM complaint_deadlines`,
  );
  fail('clock states', (clocks?.bad ?? 0) + (clocks?.open_in_closed ?? 0), clocks?.n ?? 0);

  const sample = await runner.query<Sampled>(
    `SELECT c.id::text AS id, c.number, c.customer_name, c.customer_phone, c.customer_phone_norm, c.customer_type,
       c.description, c.product_name, c.batch_no, c.kind, c.channel, c.injury, c.flags, c.scope,
       c.claimed_amount_fen::text AS claimed_amount_fen, p.price_fen::text AS price_fen, c.suggestion
     FROM complaints c LEFT JOIN products p ON p.id = c.product_id WHERE c.seq % 1009 = 17 ORDER BY c.id LIMIT 500`,
  );
  const terms = sample.map((r) => ({
    id: r.id,
    terms: buildSearchTerms([r.customer_name, r.description, r.product_name, r.batch_no]).join(' '),
  }));
  const [vectors] = await runner.query<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM json_to_recordset($1::json) AS r(id uuid, terms text) JOIN complaints c USING (id)
     WHERE c.search_vector IS DISTINCT FROM array_to_tsvector(string_to_array(r.terms, ' '))`,
    [JSON.stringify(terms)],
  );
  fail('search_vector', vectors?.bad ?? 0, sample.length);
  fail('number format', sample.filter((r) => !COMPLAINT_NUMBER_PATTERN.test(r.number)).length, sample.length);
  const phoneOf = (raw: string | null) => (raw ? normaliseCustomerPhone(raw) : null);
  fail('customer_phone_norm', sample.filter((r) => phoneOf(r.customer_phone) !== r.customer_phone_norm).length, sample.length);
  const customers = await runner.query<{ phone: string | null; phone_norm: string | null }>(
    `SELECT phone, phone_norm FROM customers ORDER BY code LIMIT 500`,
  );
  fail('customers.phone_norm', customers.filter((c) => phoneOf(c.phone) !== c.phone_norm).length, customers.length);
  const suggestions = sample.filter((r) => {
    const want = suggestClassification(
      {
        description: r.description,
        kind: r.kind as never,
        injury: r.injury as never,
        flags: r.flags as never,
        claimedAmountFen: r.claimed_amount_fen === null ? null : Number(r.claimed_amount_fen),
        productPriceFen: r.price_fen === null ? null : Number(r.price_fen),
        priorComplaintsSameUnit90d: 0,
        priorComplaintsSameCustomer90d: 0,
        scope: r.scope as never,
        channel: r.channel as never,
        customerType: r.customer_type as never,
      },
      FOOD_CLASSIFICATION_RULES,
    );
    return !isDeepStrictEqual(JSON.parse(JSON.stringify(want)), r.suggestion);
  });
  fail('suggestion', suggestions.length, sample.length);
  return (
    `derived columns exact: numbers gapless in ${numbers?.years} years and continued by complaint_counters; ` +
    `next_due_at/breached for ${due?.open} open + ${due?.closed} closed complaints; ${clocks?.n} clock states; ` +
    `search_vector, phone and suggestion of ${sample.length} sampled complaints, ${customers.length} customers' phones`
  );
};
