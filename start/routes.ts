/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Pages first (grouped by who may see them), then the JSON API under /api/v1,
| each in one top-level group that gives it its middleware stack
| (start/kernel.ts `stacks`). Signed-in page groups and the whole API pass
| through memberThrottle: the per-member budgets of start/limiter.ts
| (docs/limits.md).
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware, stacks } from '#start/kernel'
import { authThrottle, globalApiThrottle, verificationMailThrottle } from '#start/limiter'
import { controllers } from '#generated/controllers'
import { uuidParam } from '#validators/rules/uuid'

router
  .group(() => {
    router
      .group(() => {
        router.get('/', [controllers.Bounties, 'index']).as('home')
        router.get('/bounties', [controllers.Bounties, 'index']).as('bounties.index')
        router
          .get('/bounties/:id', [controllers.Bounties, 'show'])
          .where('id', uuidParam())
          .as('bounties.show')
        router.get('/u/:username', [controllers.PublicProfiles, 'show']).as('profiles.show')
        router.get('/points', [controllers.Points, 'show']).as('points.show')
        router
          .get('/avatars/:userId/:file', [controllers.Avatars, 'show'])
          .where('userId', uuidParam())
          .where('file', /^[a-z0-9]+\.(jpg|png|webp|gif)$/)
          .as('avatars.show')
        router
          .get('/verify-email', [controllers.EmailVerifications, 'show'])
          .as('email_verification.show')
        router
          .get('/forgot-password', [controllers.PasswordResets, 'create'])
          .as('password_reset.create')
        router
          .get('/reset-password/:token', [controllers.PasswordResets, 'edit'])
          .as('password_reset.edit')
        router
          .group(() => {
            router
              .post('/forgot-password', [controllers.PasswordResets, 'store'])
              .as('password_reset.store')
            router
              .put('/reset-password/:token', [controllers.PasswordResets, 'update'])
              .as('password_reset.update')
          })
          .use(authThrottle)
      })
      .use(middleware.silentAuth())

    /*
    | Accounts: visitors sign up and sign in (A1, A6 second step, A8 throttles).
    */
    router
      .group(() => {
        router.get('/register', [controllers.Registrations, 'create']).as('registration.create')
        router.get('/login', [controllers.Sessions, 'create']).as('session.create')
        router
          .get('/login/two-factor', [controllers.TwoFactorChallenges, 'create'])
          .as('two_factor_challenge.create')
        router
          .group(() => {
            router.post('/register', [controllers.Registrations, 'store']).as('registration.store')
            router.post('/login', [controllers.Sessions, 'store']).as('session.store')
            router
              .post('/login/two-factor', [controllers.TwoFactorChallenges, 'store'])
              .as('two_factor_challenge.store')
          })
          .use(authThrottle)
      })
      .use(middleware.guest())

    /*
    | Accounts: the signed-in member's own session, email and settings (A2–A9).
    */
    router
      .group(() => {
        router.post('/logout', [controllers.Sessions, 'destroy']).as('session.destroy')
        router
          .post('/email/verification', [controllers.EmailVerifications, 'store'])
          .as('email_verification.store')
          .use([authThrottle, verificationMailThrottle])

        router
          .group(() => {
            router.on('/').redirect('profile.edit').as('settings')
            router.get('/profile', [controllers.Profiles, 'edit']).as('profile.edit')
            router.put('/profile', [controllers.Profiles, 'update']).as('profile.update')
            router.put('/avatar', [controllers.Avatars, 'update']).as('avatar.update')
            router.delete('/avatar', [controllers.Avatars, 'destroy']).as('avatar.destroy')
            router.get('/account', [controllers.Accounts, 'edit']).as('account.edit')
            router.put('/account/email', [controllers.Emails, 'update']).as('email.update')
            router.put('/account/password', [controllers.Passwords, 'update']).as('password.update')
            router
              .get('/account/export', [controllers.AccountExports, 'show'])
              .as('account_export.show')
            router.get('/security', [controllers.TwoFactor, 'show']).as('two_factor.show')
            router
              .post('/security/two-factor', [controllers.TwoFactor, 'store'])
              .as('two_factor.store')
            router
              .put('/security/two-factor', [controllers.TwoFactor, 'update'])
              .as('two_factor.update')
            router
              .delete('/security/two-factor', [controllers.TwoFactor, 'destroy'])
              .as('two_factor.destroy')
            router
              .post('/security/recovery-codes', [controllers.RecoveryCodes, 'store'])
              .as('recovery_codes.store')
            router.get('/sessions', [controllers.UserSessions, 'index']).as('user_sessions.index')
            router
              .delete('/sessions/others', [controllers.OtherSessions, 'destroy'])
              .as('other_sessions.destroy')
            router
              .delete('/sessions/:id', [controllers.UserSessions, 'destroy'])
              .where('id', /^[a-f0-9]{32}$/)
              .as('user_sessions.destroy')
            router.get('/tokens', [controllers.ApiTokens, 'index']).as('api_tokens.index')
            router.post('/tokens', [controllers.ApiTokens, 'store']).as('api_tokens.store')
            router
              .delete('/tokens/:id', [controllers.ApiTokens, 'destroy'])
              .where('id', router.matchers.number())
              .as('api_tokens.destroy')
            router.get('/notifications', [controllers.Settings, 'edit']).as('settings.edit')
            router.put('/notifications', [controllers.Settings, 'update']).as('settings.update')
            router.get('/away', [controllers.Away, 'edit']).as('away.edit')
            router.put('/away', [controllers.Away, 'update']).as('away.update')
            router.delete('/away', [controllers.Away, 'destroy']).as('away.destroy')
            router
              .get('/danger-zone', [controllers.AccountDeletions, 'create'])
              .as('account_deletion.create')
            router
              .post('/account/deletion', [controllers.AccountDeletions, 'store'])
              .as('account_deletion.store')
          })
          .prefix('/settings')
      })
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Bounties (B1–B7, H1): posting, working on and reviewing bounties; each
    | verb is a sub-resource of the bounty. Downloads reuse the API's file
    | handler, which checks access the same way for both.
    */
    router
      .group(() => {
        router.get('/dashboard', [controllers.Dashboard, 'show']).as('dashboard.show')
        router.get('/analytics', [controllers.Analytics, 'show']).as('analytics.show')
        router.get('/bounties/drafts', [controllers.bounties.Drafts, 'index']).as('drafts.index')
        router.get('/bounties/new', [controllers.Bounties, 'create']).as('bounties.create')
        router.post('/bounties', [controllers.Bounties, 'store']).as('bounties.store')
        router
          .group(() => {
            router.get('/edit', [controllers.Bounties, 'edit']).as('bounties.edit')
            router.put('/', [controllers.Bounties, 'update']).as('bounties.update')
            router.delete('/', [controllers.Bounties, 'destroy']).as('bounties.destroy')
            router
              .post('/publication', [controllers.bounties.Publications, 'store'])
              .as('bounty_publications.store')
            router.post('/claim', [controllers.bounties.Claims, 'store']).as('bounty_claims.store')
            router
              .delete('/claim', [controllers.bounties.Claims, 'destroy'])
              .as('bounty_claims.destroy')
            router
              .post('/assignments', [controllers.bounties.Assignments, 'store'])
              .as('bounty_assignments.store')
            router
              .post('/submissions', [controllers.bounties.Submissions, 'store'])
              .as('bounty_submissions.store')
            router
              .post('/approvals', [controllers.bounties.Approvals, 'store'])
              .as('bounty_approvals.store')
            router
              .post('/change-requests', [controllers.bounties.ChangeRequests, 'store'])
              .as('bounty_change_requests.store')
            router
              .post('/cancellation', [controllers.bounties.Cancellations, 'store'])
              .as('bounty_cancellations.store')
            router
              .post('/comments', [controllers.bounties.Comments, 'store'])
              .as('bounty_comments.store')
            router
              .post('/attachments', [controllers.bounties.Attachments, 'store'])
              .as('bounty_attachments.store')
          })
          .prefix('/bounties/:id')
        router.get('/files/:id', [controllers.api.Files, 'show']).as('files.show')
        router
          .delete('/files/:id', [controllers.bounties.Attachments, 'destroy'])
          .as('bounty_attachments.destroy')
      })
      .where('id', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Teams (F1): pages for members only; joining, leaving, the access code and
    | member management are sub-resources of the team.
    */
    router
      .group(() => {
        router.get('/teams', [controllers.Teams, 'index']).as('teams.index')
        router.get('/teams/create', [controllers.Teams, 'create']).as('teams.create')
        router.post('/teams', [controllers.Teams, 'store']).as('teams.store')
        router
          .get('/teams/join', [controllers.teams.Memberships, 'create'])
          .as('team_memberships.create')
        router
          .post('/teams/join', [controllers.teams.Memberships, 'store'])
          .as('team_memberships.store')
        router
          .group(() => {
            router.get('/', [controllers.Teams, 'show']).as('teams.show')
            router.get('/edit', [controllers.Teams, 'edit']).as('teams.edit')
            router.put('/', [controllers.Teams, 'update']).as('teams.update')
            router.delete('/', [controllers.Teams, 'destroy']).as('teams.destroy')
            router
              .post('/access-code', [controllers.teams.AccessCodes, 'store'])
              .as('team_access_codes.store')
            router
              .delete('/membership', [controllers.teams.Memberships, 'destroy'])
              .as('team_memberships.destroy')
            router
              .put('/members/:userId', [controllers.teams.Members, 'update'])
              .as('team_members.update')
            router
              .delete('/members/:userId', [controllers.teams.Members, 'destroy'])
              .as('team_members.destroy')
            router
              .get('/invitations', [controllers.teams.Invitations, 'index'])
              .as('team_invitations.index')
            router
              .post('/invitations', [controllers.teams.Invitations, 'store'])
              .as('team_invitations.store')
            router
              .delete('/invitations/:invitationId', [controllers.teams.Invitations, 'destroy'])
              .as('team_invitations.destroy')
          })
          .prefix('/teams/:id')
      })
      .where('id', uuidParam())
      .where('userId', uuidParam())
      .where('invitationId', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Invitations to teams (issue 19): the member's own, answered from here or
    | from their notification; the suggestions of the invite form's username.
    */
    router
      .group(() => {
        router.get('/invitations', [controllers.Invitations, 'index']).as('invitations.index')
        router
          .post('/invitations/:id/acceptance', [controllers.invitations.Acceptances, 'store'])
          .as('invitation_acceptances.store')
        router
          .post('/invitations/:id/decline', [controllers.invitations.Declines, 'store'])
          .as('invitation_declines.store')
        router.get('/users/search', [controllers.UserSearches, 'index']).as('user_searches.index')
      })
      .where('id', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Weekly check-ins (F3, H2): a team's page for its members, and a
    | member's own check-in, changed or withdrawn while its week lasts.
    */
    router
      .group(() => {
        router
          .get('/teams/:id/checkins', [controllers.teams.CheckIns, 'index'])
          .as('team_checkins.index')
        router
          .post('/teams/:id/checkins', [controllers.teams.CheckIns, 'store'])
          .as('team_checkins.store')
        router.put('/checkins/:id', [controllers.CheckIns, 'update']).as('checkins.update')
        router.delete('/checkins/:id', [controllers.CheckIns, 'destroy']).as('checkins.destroy')
      })
      .where('id', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | The reward shop, member side (G1–G2): browse, the cart, checkout, the
    | member's own orders. A product's image follows the product's visibility.
    */
    router
      .group(() => {
        router.get('/shop', [controllers.Shop, 'index']).as('shop.index')
        router
          .get('/shop/products/:id', [controllers.shop.Products, 'show'])
          .as('shop_products.show')
        router
          .get('/shop/products/:id/image', [controllers.shop.ProductImages, 'show'])
          .as('shop_product_images.show')
        router.get('/cart', [controllers.Cart, 'show']).as('cart.show')
        router.post('/cart/items', [controllers.cart.Items, 'store']).as('cart_items.store')
        router.put('/cart/items/:id', [controllers.cart.Items, 'update']).as('cart_items.update')
        router
          .delete('/cart/items/:id', [controllers.cart.Items, 'destroy'])
          .as('cart_items.destroy')
        router.get('/orders', [controllers.Orders, 'index']).as('orders.index')
        router.get('/checkout', [controllers.Orders, 'create']).as('orders.create')
        router.post('/orders', [controllers.Orders, 'store']).as('orders.store')
        router.get('/orders/:id', [controllers.Orders, 'show']).as('orders.show')
        router
          .post('/orders/:id/cancellation', [controllers.orders.Cancellations, 'store'])
          .as('order_cancellations.store')
      })
      .where('id', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Wallet (C2–C4, K4): the signed-in member's own money; nobody sees another's.
    */
    router
      .group(() => {
        router.get('/wallet', [controllers.Wallet, 'show']).as('wallet.show')
        router
          .get('/wallet/export.csv', [controllers.WalletExports, 'show'])
          .as('wallet_export.show')
        router
          .post('/wallet/withdrawals', [controllers.WalletWithdrawals, 'store'])
          .as('wallet_withdrawals.store')
        router.get('/tips/new', [controllers.Tips, 'create']).as('tips.create')
        router.post('/tips', [controllers.Tips, 'store']).as('tips.store')
      })
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Leaderboards (E4, K9): the board of everyone for every signed-in member;
    | a team's board for its members and Leaders (LeaderboardPolicy).
    */
    router
      .get('/leaderboard', [controllers.Leaderboards, 'index'])
      .as('leaderboards.index')
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Admin: members (I2), the treasury (I4), the audit log (I6). Every action
    | authorizes through its policy (tests/functional/admin/route_guard.spec.ts
    | walks them all). Stopping an impersonation is reached as the member.
    */
    router
      .group(() => {
        router.get('/', [controllers.admin.Dashboard, 'show']).as('dashboard.show')
        router.get('/users', [controllers.admin.Users, 'index']).as('users.index')
        router
          .get('/users/export.csv', [controllers.admin.UserExports, 'show'])
          .as('user_export.show')
        router.get('/users/:id', [controllers.admin.Users, 'show']).as('users.show')
        router
          .put('/users/:id/role', [controllers.admin.UserRoles, 'update'])
          .as('user_roles.update')
        router
          .put('/users/:id/activation', [controllers.admin.UserActivations, 'update'])
          .as('user_activations.update')
        router
          .post('/users/:id/verification', [controllers.admin.UserVerifications, 'store'])
          .as('user_verifications.store')
        router
          .post('/users/:id/impersonation', [controllers.admin.Impersonations, 'store'])
          .as('impersonations.store')
        router
          .delete('/impersonation', [controllers.admin.Impersonations, 'destroy'])
          .as('impersonations.destroy')
        router.get('/audit', [controllers.admin.AuditLogs, 'index']).as('audit.index')
        router
          .get('/audit/export.csv', [controllers.admin.AuditExports, 'show'])
          .as('audit_export.show')
        router.get('/treasury', [controllers.admin.Treasury, 'show']).as('treasury.show')
        router.post('/deposits', [controllers.admin.Deposits, 'store']).as('deposits.store')
        router.get('/withdrawals', [controllers.admin.Withdrawals, 'index']).as('withdrawals.index')
        router
          .post('/withdrawals/:id/approval', [controllers.admin.WithdrawalApprovals, 'store'])
          .as('withdrawal_approvals.store')
        router
          .post('/withdrawals/:id/rejection', [controllers.admin.WithdrawalRejections, 'store'])
          .as('withdrawal_rejections.store')

        /*
        | Bounties (I3), the ledger explorer (I4), the taxonomy (I5) and
        | their CSV exports.
        */
        router.get('/bounties', [controllers.admin.Bounties, 'index']).as('bounties.index')
        router
          .get('/bounties/export.csv', [controllers.admin.BountyExports, 'show'])
          .as('bounty_export.show')
        router
          .post('/bounties/:id/cancellation', [controllers.admin.BountyCancellations, 'store'])
          .as('bounty_cancellations.store')
        router
          .delete('/bounties/:id', [controllers.admin.Bounties, 'destroy'])
          .as('bounties.destroy')
        router.get('/ledger', [controllers.admin.Ledger, 'index']).as('ledger.index')
        router
          .get('/ledger/export.csv', [controllers.admin.LedgerExports, 'show'])
          .as('ledger_export.show')
        router
          .get('/ledger/:id', [controllers.admin.Ledger, 'show'])
          .where('id', { match: /^\d{1,18}$/ })
          .as('ledger.show')
        router
          .post('/ledger/verifications', [controllers.admin.LedgerVerifications, 'store'])
          .as('ledger_verifications.store')
        router.get('/taxonomy', [controllers.admin.Taxonomy, 'index']).as('taxonomy.index')
        router.put('/tags/:id', [controllers.admin.Tags, 'update']).as('tags.update')
        router.delete('/tags/:id', [controllers.admin.Tags, 'destroy']).as('tags.destroy')
        router.post('/tag-merges', [controllers.admin.TagMerges, 'store']).as('tag_merges.store')
        router.post('/categories', [controllers.admin.Categories, 'store']).as('categories.store')
        router
          .put('/categories/:id', [controllers.admin.Categories, 'update'])
          .as('categories.update')
        router
          .post('/categories/:id/retirement', [controllers.admin.CategoryRetirements, 'store'])
          .as('category_retirements.store')
        router
          .delete('/categories/:id/retirement', [controllers.admin.CategoryRetirements, 'destroy'])
          .as('category_retirements.destroy')

        /*
        | The shop (G1–G2): the catalogue, its categories, the orders to fulfil.
        */
        router.get('/shop/products', [controllers.admin.Products, 'index']).as('products.index')
        router
          .get('/shop/products/new', [controllers.admin.Products, 'create'])
          .as('products.create')
        router.post('/shop/products', [controllers.admin.Products, 'store']).as('products.store')
        router
          .get('/shop/products/:id/edit', [controllers.admin.Products, 'edit'])
          .as('products.edit')
        router
          .put('/shop/products/:id', [controllers.admin.Products, 'update'])
          .as('products.update')
        router
          .delete('/shop/products/:id', [controllers.admin.Products, 'destroy'])
          .as('products.destroy')
        router
          .post('/shop/products/:id/archive', [controllers.admin.ProductArchives, 'store'])
          .as('product_archives.store')
        router
          .delete('/shop/products/:id/archive', [controllers.admin.ProductArchives, 'destroy'])
          .as('product_archives.destroy')
        router
          .get('/shop/categories', [controllers.admin.ShopCategories, 'index'])
          .as('shop_categories.index')
        router
          .post('/shop/categories', [controllers.admin.ShopCategories, 'store'])
          .as('shop_categories.store')
        router
          .put('/shop/categories/:id', [controllers.admin.ShopCategories, 'update'])
          .as('shop_categories.update')
        router
          .delete('/shop/categories/:id', [controllers.admin.ShopCategories, 'destroy'])
          .as('shop_categories.destroy')
        router.get('/shop/orders', [controllers.admin.Orders, 'index']).as('orders.index')
        router
          .post('/shop/order-status-changes', [controllers.admin.OrderStatusChanges, 'store'])
          .as('order_status_changes.store')

        /*
        | The badge catalogue (E2), in the taxonomy section.
        */
        router.get('/badges', [controllers.admin.Badges, 'index']).as('badges.index')
        router.post('/badges', [controllers.admin.Badges, 'store']).as('badges.store')
        router.get('/badges/:id', [controllers.admin.Badges, 'show']).as('badges.show')
        router.put('/badges/:id', [controllers.admin.Badges, 'update']).as('badges.update')
        router.delete('/badges/:id', [controllers.admin.Badges, 'destroy']).as('badges.destroy')
        router
          .post('/badges/:id/grants', [controllers.admin.BadgeGrants, 'store'])
          .as('badge_grants.store')
        router
          .delete('/badges/:id/grants/:userId', [controllers.admin.BadgeGrants, 'destroy'])
          .where('userId', uuidParam())
          .as('badge_grants.destroy')
      })
      .prefix('/admin')
      .as('admin')
      .where('id', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Notifications (D1, D3, K10): the centre, what reaches me, watch levels.
    */
    router
      .group(() => {
        router.get('/notifications', [controllers.Notifications, 'index']).as('notifications.index')
        router
          .put('/notifications/read-all', [controllers.notifications.BulkReadings, 'update'])
          .as('notification_bulk_readings.update')
        router
          .put('/notifications/:id/read', [controllers.notifications.Readings, 'update'])
          .as('notification_readings.update')
        router
          .delete('/notifications/:id', [controllers.Notifications, 'destroy'])
          .as('notifications.destroy')
        router
          .get('/settings/notifications/preferences', [
            controllers.notifications.Preferences,
            'edit',
          ])
          .as('notification_preferences.edit')
        router
          .put('/settings/notifications/preferences', [
            controllers.notifications.Preferences,
            'update',
          ])
          .as('notification_preferences.update')
        router
          .put('/bounties/:id/watch', [controllers.notifications.BountyWatches, 'update'])
          .as('bounty_watches.update')
        router
          .put('/settings/notifications/tags', [controllers.notifications.TagWatches, 'update'])
          .as('tag_watches.update')
        router
          .put('/teams/:id/watch-level', [controllers.teams.WatchLevels, 'update'])
          .as('team_watch_levels.update')
      })
      .where('id', uuidParam())
      .use([middleware.auth(), middleware.memberThrottle()])

    /*
    | Development only: the mails the capture mailer kept (MAIL_MAILER=capture).
    */
    if (!app.inProduction) {
      router
        .group(() => {
          router.get('/', [controllers.dev.Mails, 'index']).as('mails.index')
          router.get('/:id', [controllers.dev.Mails, 'show']).as('mails.show')
          router.get('/:id/html', [controllers.dev.MailBodies, 'show']).as('mail_bodies.show')
        })
        .prefix('/dev/mail')
        .where('id', /^[\w-]+$/)
        .as('dev')
        .use(middleware.silentAuth())
    }
  })
  .use(stacks.web())

/*
|--------------------------------------------------------------------------
| JSON API /api/v1 (contract: the OpenAPI document in app/openapi, kept in step
| with these routes by tests/functional/api/openapi.spec.ts)
|--------------------------------------------------------------------------
*/
router.get('/api/docs', [controllers.ApiDocs, 'show']).as('api_docs').use(stacks.web())

router
  .group(() => {
    router.get('openapi.json', [controllers.api.Openapi, 'show']).as('openapi')

    router
      .group(() => {
        router.post('register', [controllers.api.auth.Registrations, 'store']).as('register')
        router.post('login', [controllers.api.auth.AccessTokens, 'store']).as('login')
        router
          .post('forgot-password', [controllers.api.auth.PasswordResetRequests, 'store'])
          .as('forgot_password')
        router
          .post('reset-password', [controllers.api.auth.PasswordResets, 'store'])
          .as('reset_password')
        router
          .get('verify-email', [controllers.api.auth.EmailVerifications, 'show'])
          .as('verify_email')
      })
      .prefix('auth')
      .as('auth')
      .use(authThrottle)

    router
      .group(() => {
        router.post('logout', [controllers.api.auth.AccessTokens, 'destroy']).as('logout')
        router
          .post('refresh-token', [controllers.api.auth.TokenRefreshes, 'store'])
          .as('refresh_token')
      })
      .prefix('auth')
      .as('auth')
      .use(middleware.apiAuth())

    router
      .group(() => {
        router.get('profile', [controllers.api.users.Profiles, 'show']).as('profile')
        router.get('stats', [controllers.api.users.Stats, 'show']).as('stats')
        router
          .get(':id/public', [controllers.api.users.PublicProfiles, 'show'])
          .where('id', uuidParam())
          .as('public_profile')
        router.get('search', [controllers.api.users.Searches, 'index']).as('search')
        router
          .get(':id/badges', [controllers.api.users.Badges, 'index'])
          .where('id', uuidParam())
          .as('badges')
      })
      .prefix('users')
      .as('users')
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.put('profile', [controllers.api.users.Profiles, 'update']).as('update_profile')
        router.put('settings', [controllers.api.users.Settings, 'update']).as('update_settings')
        router.put('avatar', [controllers.api.users.Avatars, 'update']).as('update_avatar')
        router.delete('account', [controllers.api.users.Accounts, 'destroy']).as('delete_account')
      })
      .prefix('users')
      .as('users')
      .use(middleware.apiAuth({ abilities: ['write'] }))

    /*
    | The caller's dashboard (H1, E1, E3).
    */
    router
      .group(() => {
        router.get('stats', [controllers.api.dashboard.Stats, 'show']).as('stats')
        router
          .get('recent-activity', [controllers.api.dashboard.RecentActivities, 'index'])
          .as('recent_activity')
      })
      .prefix('dashboard')
      .as('dashboard')
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.get('balance', [controllers.api.WalletBalances, 'show']).as('balance')
        router.get('transactions', [controllers.api.WalletTransactions, 'index']).as('transactions')
      })
      .prefix('wallet')
      .as('wallet')
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router
          .post('wallet/withdraw', [controllers.api.WalletWithdrawals, 'store'])
          .as('wallet.withdraw')
        router.post('tips', [controllers.api.Tips, 'store']).as('tips.store')
      })
      // Both record their outcome with their movement: a retried key resumes.
      .use([
        middleware.apiAuth({ abilities: ['wallet'] }),
        middleware.idempotency({ resumable: true }),
      ])

    /*
    | Bounties (B1–B7) and their files. Reads need `read`; changes `write`;
    | posting and approving move money and accept an Idempotency-Key.
    */
    router
      .group(() => {
        router.get('bounties', [controllers.api.Bounties, 'index']).as('bounties.index')
        router.get('bounties/:id', [controllers.api.Bounties, 'show']).as('bounties.show')
        router
          .get('bounties/:id/comments', [controllers.api.bounties.Comments, 'index'])
          .as('bounties.comments.index')
        router
          .get('bounties/:id/events', [controllers.api.bounties.Events, 'index'])
          .as('bounties.events.index')
        router
          .get('bounties/:id/submissions', [controllers.api.bounties.Submissions, 'index'])
          .as('bounties.submissions.index')
        router.get('files/:id', [controllers.api.Files, 'show']).as('files.show')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.put('bounties/:id', [controllers.api.Bounties, 'update']).as('bounties.update')
        router.delete('bounties/:id', [controllers.api.Bounties, 'destroy']).as('bounties.destroy')
        router
          .post('bounties/:id/assign', [controllers.api.bounties.Assignments, 'store'])
          .as('bounties.assign')
        router
          .post('bounties/:id/unassign', [controllers.api.bounties.Assignments, 'destroy'])
          .as('bounties.unassign')
        router
          .post('bounties/:id/submit', [controllers.api.bounties.Submissions, 'store'])
          .as('bounties.submit')
        router
          .post('bounties/:id/request-changes', [controllers.api.bounties.ChangeRequests, 'store'])
          .as('bounties.request_changes')
        router
          .post('bounties/:id/cancel', [controllers.api.bounties.Cancellations, 'store'])
          .as('bounties.cancel')
        router
          .post('bounties/:id/comments', [controllers.api.bounties.Comments, 'store'])
          .as('bounties.comments.store')
        router.post('files/upload', [controllers.api.Files, 'store']).as('files.upload')
        router.delete('files/:id', [controllers.api.Files, 'destroy']).as('files.destroy')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))

    router
      .group(() => {
        router.post('bounties', [controllers.api.Bounties, 'store']).as('bounties.store')
        router
          .post('bounties/:id/approve', [controllers.api.bounties.Approvals, 'store'])
          .as('bounties.approve')
      })
      .where('id', uuidParam())
      .use([middleware.apiAuth({ abilities: ['write'] }), middleware.idempotency()])

    /*
    | Teams (F1): a team is the caller's to see only while they are in it.
    */
    router
      .group(() => {
        router.get('teams', [controllers.api.Teams, 'index']).as('teams.index')
        router.get('teams/:id', [controllers.api.Teams, 'show']).as('teams.show')
        router
          .get('teams/:id/members', [controllers.api.teams.Members, 'index'])
          .as('teams.members.index')
        router
          .get('teams/:id/invitations', [controllers.api.teams.Invitations, 'index'])
          .as('teams.invitations.index')
        router.get('invitations', [controllers.api.Invitations, 'index']).as('invitations.index')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.post('teams', [controllers.api.Teams, 'store']).as('teams.store')
        router.post('teams/join', [controllers.api.teams.Memberships, 'store']).as('teams.join')
        router.put('teams/:id', [controllers.api.Teams, 'update']).as('teams.update')
        router.delete('teams/:id', [controllers.api.Teams, 'destroy']).as('teams.destroy')
        router
          .post('teams/:id/access-code', [controllers.api.teams.AccessCodes, 'store'])
          .as('teams.access_code')
        router
          .post('teams/:id/leave', [controllers.api.teams.Memberships, 'destroy'])
          .as('teams.leave')
        router
          .put('teams/:id/members/:userId', [controllers.api.teams.Members, 'update'])
          .as('teams.members.update')
        router
          .delete('teams/:id/members/:userId', [controllers.api.teams.Members, 'destroy'])
          .as('teams.members.destroy')
        router
          .post('teams/:id/invitations', [controllers.api.teams.Invitations, 'store'])
          .as('teams.invitations.store')
        router
          .delete('teams/:id/invitations/:invitationId', [
            controllers.api.teams.Invitations,
            'destroy',
          ])
          .as('teams.invitations.destroy')
        router
          .post('invitations/:id/accept', [controllers.api.invitations.Acceptances, 'store'])
          .as('invitations.accept')
        router
          .post('invitations/:id/decline', [controllers.api.invitations.Declines, 'store'])
          .as('invitations.decline')
      })
      .where('id', uuidParam())
      .where('userId', uuidParam())
      .where('invitationId', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))

    router
      .group(() => {
        router
          .get('admin/withdrawals', [controllers.api.admin.Withdrawals, 'index'])
          .as('admin.withdrawals.index')
        router
          .get('admin/bounties', [controllers.api.admin.Bounties, 'index'])
          .as('admin.bounties.index')
      })
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .delete('admin/bounties/:id', [controllers.api.admin.Bounties, 'destroy'])
      .where('id', uuidParam())
      .as('admin.bounties.destroy')
      .use(middleware.apiAuth({ abilities: ['write'] }))

    router
      .group(() => {
        router.post('deposits', [controllers.api.admin.Deposits, 'store']).as('deposits.store')
        router
          .post('withdrawals/:id/approve', [controllers.api.admin.WithdrawalApprovals, 'store'])
          .as('withdrawals.approve')
        router
          .post('withdrawals/:id/reject', [controllers.api.admin.WithdrawalRejections, 'store'])
          .as('withdrawals.reject')
      })
      .prefix('admin')
      .as('admin')
      .where('id', uuidParam())
      .use([middleware.apiAuth({ abilities: ['wallet'] }), middleware.idempotency()])

    /*
    | The shop's admin API (G1–G2).
    */
    router
      .group(() => {
        router.get('orders', [controllers.api.admin.Orders, 'index']).as('orders.index')
      })
      .prefix('admin')
      .as('admin')
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.post('products', [controllers.api.admin.Products, 'store']).as('products.store')
        router.put('products/:id', [controllers.api.admin.Products, 'update']).as('products.update')
        router
          .put('orders/:id/status', [controllers.api.admin.OrderStatuses, 'update'])
          .as('order_statuses.update')
      })
      .prefix('admin')
      .as('admin')
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))

    router
      .group(() => {
        router.get('users', [controllers.api.admin.Users, 'index']).as('users.index')
        router.get('audit-log', [controllers.api.admin.AuditLogs, 'index']).as('audit_log.index')
      })
      .prefix('admin')
      .as('admin')
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router
          .put('users/:id/role', [controllers.api.admin.UserRoles, 'update'])
          .as('user_roles.update')
        router
          .put('users/:id/active', [controllers.api.admin.UserActivations, 'update'])
          .as('user_activations.update')
      })
      .prefix('admin')
      .as('admin')
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))

    router
      .group(() => {
        router
          .get('notifications', [controllers.api.Notifications, 'index'])
          .as('notifications.index')
        router
          .get('users/notification-preferences', [
            controllers.api.notifications.Preferences,
            'show',
          ])
          .as('notification_preferences.show')
        router
          .get('bounties/:id/watch', [controllers.api.notifications.BountyWatches, 'show'])
          .as('bounty_watches.show')
        router
          .get('tags/:id/watch', [controllers.api.notifications.TagWatches, 'show'])
          .as('tag_watches.show')
        router
          .get('teams/:id/watch-level', [controllers.api.teams.WatchLevels, 'show'])
          .as('team_watch_levels.show')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router
          .put('notifications/read-all', [controllers.api.notifications.BulkReadings, 'update'])
          .as('notification_bulk_readings.update')
        router
          .put('notifications/:id/read', [controllers.api.notifications.Readings, 'update'])
          .as('notification_readings.update')
        router
          .delete('notifications/:id', [controllers.api.Notifications, 'destroy'])
          .as('notifications.destroy')
        router
          .put('users/notification-preferences', [
            controllers.api.notifications.Preferences,
            'update',
          ])
          .as('notification_preferences.update')
        router
          .put('bounties/:id/watch', [controllers.api.notifications.BountyWatches, 'update'])
          .as('bounty_watches.update')
        router
          .put('tags/:id/watch', [controllers.api.notifications.TagWatches, 'update'])
          .as('tag_watches.update')
        router
          .put('teams/:id/watch-level', [controllers.api.teams.WatchLevels, 'update'])
          .as('team_watch_levels.update')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))

    /*
    | Leaderboards (E4, K9): read from the member totals aggregate.
    */
    router
      .get('leaderboard', [controllers.api.Leaderboards, 'index'])
      .as('leaderboard.index')
      .use(middleware.apiAuth({ abilities: ['read'] }))

    /*
    | The reward shop (G1–G2): products, the caller's cart and orders.
    | Checkout moves money: `wallet`, and an Idempotency-Key whose outcome
    | (the order) is recorded with the payment, so a retried key resumes.
    */
    router
      .group(() => {
        router
          .get('shop/products', [controllers.api.shop.Products, 'index'])
          .as('shop.products.index')
        router
          .get('shop/products/:id', [controllers.api.shop.Products, 'show'])
          .as('shop.products.show')
        router.get('cart', [controllers.api.Cart, 'show']).as('cart.show')
        router.get('orders', [controllers.api.Orders, 'index']).as('orders.index')
        router.get('orders/:id', [controllers.api.Orders, 'show']).as('orders.show')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.post('cart/items', [controllers.api.cart.Items, 'store']).as('cart.items.store')
        router.put('cart/items/:id', [controllers.api.cart.Items, 'update']).as('cart.items.update')
        router
          .delete('cart/items/:id', [controllers.api.cart.Items, 'destroy'])
          .as('cart.items.destroy')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))

    router
      .group(() => {
        router
          .put('orders/:id/cancel', [controllers.api.orders.Cancellations, 'update'])
          .as('orders.cancel')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['wallet'] }))

    router
      .post('orders', [controllers.api.Orders, 'store'])
      .as('orders.store')
      .use([
        middleware.apiAuth({ abilities: ['wallet'] }),
        middleware.idempotency({ resumable: true }),
      ])

    /*
    | Weekly check-ins (F3): the caller's own, and a team's for its members.
    */
    router
      .group(() => {
        router.get('checkins', [controllers.api.CheckIns, 'index']).as('checkins.index')
        router
          .get('checkins/current', [controllers.api.checkIns.CurrentCheckIns, 'show'])
          .as('checkins.current')
        router
          .get('checkins/team/:id', [controllers.api.checkIns.TeamCheckIns, 'show'])
          .as('checkins.team')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['read'] }))

    /*
    | Analytics (H2, issue 19): the caller's own figures, and a team's for its
    | members (docs/analytics.md).
    */
    router
      .group(() => {
        router.get('personal', [controllers.api.analytics.PersonalAnalytics, 'show']).as('personal')
        router.get('team/:id', [controllers.api.analytics.TeamAnalytics, 'show']).as('team')
        router.get('comparison', [controllers.api.analytics.Comparisons, 'show']).as('comparison')
        router.get('insights', [controllers.api.analytics.Insights, 'index']).as('insights')
        router
          .get('bounty-trends', [controllers.api.analytics.BountyTrends, 'index'])
          .as('bounty_trends')
      })
      .prefix('analytics')
      .as('analytics')
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['read'] }))

    router
      .group(() => {
        router.post('checkins', [controllers.api.CheckIns, 'store']).as('checkins.store')
        router.put('checkins/:id', [controllers.api.CheckIns, 'update']).as('checkins.update')
        router.delete('checkins/:id', [controllers.api.CheckIns, 'destroy']).as('checkins.destroy')
      })
      .where('id', uuidParam())
      .use(middleware.apiAuth({ abilities: ['write'] }))
  })
  .use(stacks.api())
  .prefix('/api/v1')
  .as('api')
  .use([globalApiThrottle, middleware.memberThrottle()])
