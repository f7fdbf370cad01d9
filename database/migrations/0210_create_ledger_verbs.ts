import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The money verbs, one SQL function each: everything a movement does to the
 * database is read here, whether it runs inside a workflow's transaction
 * (`Ledger.hold(trx, …)` calls `ledger_hold`) or inside a statement of its
 * own (a tip calls `ledger_transfer` in its one statement). Each returns one
 * row per account its entry posted to (the `ledger_movement` type), with the
 * balance before and after, for the history lines written beside it.
 *
 * Every verb locks the accounts it touches in ascending id order (holds
 * first), so two movements over the same accounts queue instead of
 * deadlocking. Refusals are errors with their own SQLSTATE (the whole
 * statement, and so everything written beside the movement, rolls back):
 * LE001 a sender short of funds, LE002 a hold asked to settle more than it
 * still holds; the detail is JSON for the caller's message. The tables'
 * triggers (0200) still check what no code may break: balanced entries,
 * immutable postings, no overdraft.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(VERBS)
  }

  async down() {
    this.schema.raw(`
      DROP FUNCTION IF EXISTS ledger_release(bigint, numeric, text);
      DROP FUNCTION IF EXISTS ledger_capture(bigint, bigint, numeric, text);
      DROP FUNCTION IF EXISTS ledger_hold(bigint, bigint, numeric, text, uuid, text);
      DROP FUNCTION IF EXISTS ledger_transfer(bigint, bigint, numeric, text);
      DROP FUNCTION IF EXISTS ledger_settle(bigint, bigint, numeric, text);
      DROP FUNCTION IF EXISTS ledger_settling(bigint, numeric);
      DROP FUNCTION IF EXISTS ledger_post(text, text, bigint, ledger_accounts[], bigint[], numeric[]);
      DROP FUNCTION IF EXISTS ledger_lock(bigint[], bigint[]);
      DROP FUNCTION IF EXISTS ledger_system(ledger_account_kind, text);
      DROP FUNCTION IF EXISTS ledger_escrow(uuid);
      DROP FUNCTION IF EXISTS ledger_wallet(uuid);
      DROP FUNCTION IF EXISTS ledger_open(ledger_account_kind, uuid, uuid, text);
      DROP TYPE IF EXISTS ledger_movement;
    `)
  }
}

const VERBS = `
CREATE TYPE ledger_movement AS (
  entry_id bigint,
  hold_id bigint,
  account_id bigint,
  kind ledger_account_kind,
  user_id uuid,
  bounty_id uuid,
  code text,
  amount numeric,          -- this account's net posting in the entry (signed)
  balance_before numeric,
  balance_after numeric
);

-- Accounts are opened on first use. The lookup comes first (one index probe);
-- a concurrent opener's row is found after waiting on its insert.
CREATE FUNCTION ledger_open(p_kind ledger_account_kind, p_user uuid, p_bounty uuid, p_code text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  found_id bigint;
BEGIN
  FOR attempt IN 1..2 LOOP
    IF p_kind = 'WALLET' THEN
      SELECT id INTO found_id FROM ledger_accounts WHERE kind = 'WALLET' AND user_id = p_user;
    ELSIF p_kind = 'ESCROW' THEN
      SELECT id INTO found_id FROM ledger_accounts WHERE kind = 'ESCROW' AND bounty_id = p_bounty;
    ELSE
      SELECT id INTO found_id FROM ledger_accounts WHERE code = p_code;
    END IF;
    IF found_id IS NOT NULL THEN
      RETURN found_id;
    END IF;
    INSERT INTO ledger_accounts (kind, user_id, bounty_id, code)
      VALUES (p_kind, p_user, p_bounty, p_code)
      ON CONFLICT DO NOTHING
      RETURNING id INTO found_id;
    IF found_id IS NOT NULL THEN
      RETURN found_id;
    END IF;
  END LOOP;
  RAISE EXCEPTION 'ledger account % % % % could not be opened', p_kind, p_user, p_bounty, p_code;
END $$;

-- PL/pgSQL rather than SQL functions, here and below: PostgreSQL before 18
-- plans an SQL function's body again on every call, PL/pgSQL once per
-- connection. A wallet is looked up here first: a tip finds two.
CREATE FUNCTION ledger_wallet(p_user uuid) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  found_id bigint;
BEGIN
  SELECT id INTO found_id FROM ledger_accounts WHERE kind = 'WALLET' AND user_id = p_user;
  RETURN coalesce(found_id, ledger_open('WALLET', p_user, NULL, NULL));
END $$;

CREATE FUNCTION ledger_escrow(p_bounty uuid) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN ledger_open('ESCROW', NULL, p_bounty, NULL);
END $$;

CREATE FUNCTION ledger_system(p_kind ledger_account_kind, p_code text) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
  RETURN ledger_open(p_kind, NULL, NULL, p_code);
END $$;

-- Locks p_accounts in ascending id order and returns them as they stand
-- (locked, nobody else can change them until this transaction ends): the
-- balances ledger_post checks and reports. Those also in p_free must not be
-- holding or escrow accounts: those move only through holds, so that their
-- balance always equals what their open holds still hold (ledger:verify
-- checks it).
CREATE FUNCTION ledger_lock(p_accounts bigint[], p_free bigint[]) RETURNS ledger_accounts[]
LANGUAGE plpgsql AS $$
DECLARE
  locked ledger_accounts[];
  account ledger_accounts;
BEGIN
  locked := ARRAY(SELECT candidate FROM ledger_accounts AS candidate
                   WHERE id = ANY(p_accounts) ORDER BY id FOR UPDATE);
  FOREACH account IN ARRAY locked LOOP
    IF account.id = ANY(p_free) AND account.kind IN ('HOLDING', 'ESCROW') THEN
      RAISE EXCEPTION 'holding and escrow accounts only move through holds';
    END IF;
  END LOOP;
  RETURN locked;
END $$;

-- Writes one entry and its postings (p_accounts[i] gets p_amounts[i]) over
-- p_locked, the accounts as ledger_lock returned them. No account but the
-- treasury may end below zero (LE001, before anything is written). Returns
-- one row per account posted to, its balance before and after, worked out
-- from the locked rows: nothing is read again. The postings' trigger moves
-- the cached balances; the deferred triggers check at commit that the entry
-- balances.
CREATE FUNCTION ledger_post(
  p_kind text, p_memo text, p_hold bigint, p_locked ledger_accounts[],
  p_accounts bigint[], p_amounts numeric[]
) RETURNS SETOF ledger_movement LANGUAGE plpgsql AS $$
DECLARE
  account ledger_accounts;
  delta numeric;
  new_entry bigint;
  moved ledger_movement[] := '{}';
BEGIN
  FOREACH account IN ARRAY p_locked LOOP
    CONTINUE WHEN NOT account.id = ANY(p_accounts);
    delta := 0;
    FOR posting IN 1 .. array_length(p_accounts, 1) LOOP
      IF p_accounts[posting] = account.id THEN
        delta := delta + p_amounts[posting];
      END IF;
    END LOOP;
    IF account.kind <> 'TREASURY' AND account.balance + delta < 0 THEN
      RAISE EXCEPTION 'insufficient funds in ledger account %', account.id
        USING ERRCODE = 'LE001',
              DETAIL = json_build_object('needed', (-delta)::text,
                                         'available', account.balance::text)::text;
    END IF;
    moved := moved || ROW(NULL, p_hold, account.id, account.kind, account.user_id,
                          account.bounty_id, account.code::text, delta, account.balance,
                          account.balance + delta)::ledger_movement;
  END LOOP;

  -- The entry and its postings in one statement: even with the balance
  -- checks set immediate, no entry is ever seen without its postings.
  new_entry := nextval('ledger_entries_id_seq');
  WITH entry AS (
    INSERT INTO ledger_entries (id, kind, description, hold_id)
      VALUES (new_entry, p_kind, p_memo, p_hold)
  )
  INSERT INTO ledger_postings (entry_id, account_id, amount)
    SELECT new_entry, posting.account_id, posting.amount
      FROM unnest(p_accounts, p_amounts) AS posting (account_id, amount);
  RETURN QUERY SELECT new_entry, row.hold_id, row.account_id, row.kind, row.user_id,
                      row.bounty_id, row.code, row.amount, row.balance_before, row.balance_after
                 FROM unnest(moved) AS row;
END $$;

-- Moves money between two free accounts (wallets, the treasury, the shop).
CREATE FUNCTION ledger_transfer(p_from bigint, p_to bigint, p_amount numeric, p_memo text)
RETURNS SETOF ledger_movement LANGUAGE plpgsql AS $$
BEGIN
  IF p_amount IS NULL OR p_amount <= 0 THEN
    RAISE EXCEPTION 'a movement needs a positive amount, got %', p_amount;
  END IF;
  IF p_from = p_to THEN
    RAISE EXCEPTION 'a transfer needs two different accounts';
  END IF;
  RETURN QUERY SELECT * FROM ledger_post('TRANSFER', p_memo, NULL,
    ledger_lock(ARRAY[p_from, p_to], ARRAY[p_from, p_to]),
    ARRAY[p_from, p_to], ARRAY[-p_amount, p_amount]);
END $$;

-- Sets money aside: it leaves p_from (no longer spendable; p_from's held
-- grows, through the holds trigger) for a holding or escrow account until it
-- is captured or released. The movement's rows carry the new hold's id.
CREATE FUNCTION ledger_hold(
  p_from bigint, p_into bigint, p_amount numeric, p_purpose text, p_reference uuid, p_memo text
) RETURNS SETOF ledger_movement LANGUAGE plpgsql AS $$
DECLARE
  into_kind ledger_account_kind;
  locked ledger_accounts[];
  new_hold bigint;
BEGIN
  IF p_amount IS NULL OR p_amount <= 0 THEN
    RAISE EXCEPTION 'a movement needs a positive amount, got %', p_amount;
  END IF;
  SELECT kind INTO into_kind FROM ledger_accounts WHERE id = p_into;
  IF into_kind IS DISTINCT FROM 'HOLDING' AND into_kind IS DISTINCT FROM 'ESCROW' THEN
    RAISE EXCEPTION 'money can only be held in a holding or escrow account, not %', into_kind;
  END IF;
  locked := ledger_lock(ARRAY[p_from, p_into], '{}');
  INSERT INTO ledger_holds (source_account_id, holding_account_id, purpose, reference_id, amount)
    VALUES (p_from, p_into, p_purpose, p_reference, p_amount) RETURNING id INTO new_hold;
  RETURN QUERY SELECT * FROM ledger_post('HOLD', p_memo, new_hold, locked,
                                         ARRAY[p_from, p_into], ARRAY[-p_amount, p_amount]);
END $$;

-- The hold, locked before its accounts, and how much of it a settlement takes:
-- all that is left when p_amount is null; LE002 for more than that.
CREATE FUNCTION ledger_settling(p_hold bigint, p_amount numeric, OUT hold ledger_holds, OUT amount numeric)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT * INTO hold FROM ledger_holds WHERE id = p_hold FOR UPDATE;
  IF hold.id IS NULL THEN
    RAISE EXCEPTION 'ledger hold % does not exist', p_hold;
  END IF;
  amount := coalesce(p_amount, hold.remaining);
  IF amount <= 0 THEN
    RAISE EXCEPTION 'a movement needs a positive amount, got %', amount;
  END IF;
  IF amount > hold.remaining THEN
    RAISE EXCEPTION 'ledger hold % holds less than asked', p_hold
      USING ERRCODE = 'LE002',
            DETAIL = json_build_object('requested', amount::text, 'remaining', hold.remaining::text)::text;
  END IF;
END $$;

-- Settles part or all of a hold: captured (paid onwards to p_to, a free
-- account) or released (returned to the account it came from, p_to null).
CREATE FUNCTION ledger_settle(p_hold bigint, p_to bigint, p_amount numeric, p_memo text)
RETURNS SETOF ledger_movement LANGUAGE plpgsql AS $$
DECLARE
  settling record;
  payee bigint;
  locked ledger_accounts[];
BEGIN
  SELECT * INTO settling FROM ledger_settling(p_hold, p_amount);
  payee := coalesce(p_to, (settling.hold).source_account_id);
  locked := ledger_lock(
    ARRAY[(settling.hold).holding_account_id, (settling.hold).source_account_id, payee],
    CASE WHEN p_to IS NULL THEN '{}' ELSE ARRAY[p_to] END);
  UPDATE ledger_holds
     SET captured_amount = captured_amount + CASE WHEN p_to IS NULL THEN 0 ELSE settling.amount END,
         released_amount = released_amount + CASE WHEN p_to IS NULL THEN settling.amount ELSE 0 END,
         settled_at = CASE WHEN remaining = settling.amount THEN now() END
   WHERE id = p_hold;
  RETURN QUERY SELECT * FROM ledger_post(CASE WHEN p_to IS NULL THEN 'RELEASE' ELSE 'CAPTURE' END,
    p_memo, p_hold, locked, ARRAY[(settling.hold).holding_account_id, payee],
    ARRAY[-settling.amount, settling.amount]);
END $$;

-- Pays held money onwards, to a free account.
CREATE FUNCTION ledger_capture(p_hold bigint, p_to bigint, p_amount numeric, p_memo text)
RETURNS SETOF ledger_movement LANGUAGE plpgsql AS $$
BEGIN
  IF p_to IS NULL THEN
    RAISE EXCEPTION 'a capture needs an account to pay';
  END IF;
  RETURN QUERY SELECT * FROM ledger_settle(p_hold, p_to, p_amount, p_memo);
END $$;

-- Returns held money to the account it came from.
CREATE FUNCTION ledger_release(p_hold bigint, p_amount numeric, p_memo text)
RETURNS SETOF ledger_movement LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT * FROM ledger_settle(p_hold, NULL, p_amount, p_memo);
END $$;
`
