import { BaseSchema } from '@adonisjs/lucid/schema'
import { BOUNTY_PRIORITIES, BOUNTY_STATUSES } from '#enums/bounty'

/**
 * Bounties (B1–B5). `status` is the bounty as a whole; who works
 * on it lives in bounty_claims (one row per slot taken), so a single-slot
 * bounty is a bounty with `max_completions = 1`. `assigned_to` mirrors the
 * claimant of a single-slot bounty for the seed's shape and the board.
 *
 * `description_html` is the sanitised rendering of the markdown
 * `description`, made on every write.
 *
 * `escrow_hold_id` is the ledger hold that keeps reward × slots in the
 * bounty's escrow account while it is published. Published bounties are
 * never physically deleted (the ledger points at them): `deleted_at` hides
 * them instead.
 */
export default class extends BaseSchema {
  protected tableName = 'bounties'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('title', 200).notNullable()
      table.text('description').notNullable()
      table.text('description_html').notNullable()
      table.decimal('bounty_amount', 14, 2).notNullable()
      table.integer('estimated_hours').nullable()
      table.timestamp('deadline', { useTz: true }).nullable()
      table
        .enum('status', [...BOUNTY_STATUSES], { useNative: true, enumName: 'bounty_status' })
        .notNullable()
        .defaultTo('AVAILABLE')
      table
        .enum('priority', [...BOUNTY_PRIORITIES], { useNative: true, enumName: 'bounty_priority' })
        .notNullable()
        .defaultTo('MEDIUM')
      table.boolean('is_draft').notNullable().defaultTo(false)
      table.uuid('category_id').nullable().references('categories.id').onDelete('SET NULL')
      table.uuid('team_id').nullable()
      table.integer('max_completions').notNullable().defaultTo(1)
      table.integer('claim_window_days').notNullable().defaultTo(7)
      table.uuid('created_by').notNullable().references('users.id')
      table.uuid('assigned_to').nullable().references('users.id')
      table.bigInteger('escrow_hold_id').nullable().references('ledger_holds.id')
      table.timestamp('published_at', { useTz: true }).nullable()
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.timestamp('deleted_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })

    this.schema.raw(`
      ALTER TABLE bounties
        ADD COLUMN search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'B')
        ) STORED,
        ADD CONSTRAINT bounties_amount_range CHECK (bounty_amount > 0 AND bounty_amount <= 1000000),
        ADD CONSTRAINT bounties_estimated_hours_positive CHECK (estimated_hours IS NULL OR estimated_hours > 0),
        ADD CONSTRAINT bounties_slots_range CHECK (max_completions BETWEEN 1 AND 100),
        ADD CONSTRAINT bounties_claim_window_range CHECK (claim_window_days BETWEEN 1 AND 90),
        ADD CONSTRAINT bounties_draft_unfunded CHECK (NOT is_draft OR escrow_hold_id IS NULL),
        ADD CONSTRAINT bounties_draft_available CHECK (NOT is_draft OR status = 'AVAILABLE');

      CREATE INDEX bounties_search_gin ON bounties USING gin (search);
      CREATE INDEX bounties_board_newest ON bounties (published_at DESC, id)
        WHERE NOT is_draft AND deleted_at IS NULL;
      CREATE INDEX bounties_board_status ON bounties (status, published_at DESC)
        WHERE NOT is_draft AND deleted_at IS NULL;
      CREATE INDEX bounties_board_reward ON bounties (bounty_amount DESC, published_at DESC)
        WHERE NOT is_draft AND deleted_at IS NULL;
      CREATE INDEX bounties_board_deadline ON bounties (deadline, published_at DESC)
        WHERE NOT is_draft AND deleted_at IS NULL;
      CREATE INDEX bounties_priority ON bounties (priority);
      CREATE INDEX bounties_category ON bounties (category_id);
      CREATE INDEX bounties_team ON bounties (team_id) WHERE team_id IS NOT NULL;
      CREATE INDEX bounties_created_by ON bounties (created_by, created_at DESC);
      CREATE INDEX bounties_assigned_to ON bounties (assigned_to) WHERE assigned_to IS NOT NULL;
      CREATE INDEX bounties_expiring ON bounties (deadline)
        WHERE status = 'AVAILABLE' AND NOT is_draft AND deleted_at IS NULL AND deadline IS NOT NULL;
    `)

    this.schema.createTable('bounty_tags', (table) => {
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('tag_id').notNullable().references('tags.id').onDelete('CASCADE')
      table.primary(['bounty_id', 'tag_id'])
      table.index(['tag_id', 'bounty_id'])
    })
  }

  async down() {
    this.schema.dropTable('bounty_tags')
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS bounty_status')
    this.schema.raw('DROP TYPE IF EXISTS bounty_priority')
  }
}
