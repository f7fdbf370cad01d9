import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'home': { paramsTuple?: []; params?: {} }
    'bounties.index': { paramsTuple?: []; params?: {} }
    'bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profiles.show': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
    'points.show': { paramsTuple?: []; params?: {} }
    'avatars.show': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'file': ParamValue} }
    'email_verification.show': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'registration.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'registration.store': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'two_factor_challenge.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'email_verification.store': { paramsTuple?: []; params?: {} }
    'settings': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'avatar.update': { paramsTuple?: []; params?: {} }
    'avatar.destroy': { paramsTuple?: []; params?: {} }
    'account.edit': { paramsTuple?: []; params?: {} }
    'email.update': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'account_export.show': { paramsTuple?: []; params?: {} }
    'two_factor.show': { paramsTuple?: []; params?: {} }
    'two_factor.store': { paramsTuple?: []; params?: {} }
    'two_factor.update': { paramsTuple?: []; params?: {} }
    'two_factor.destroy': { paramsTuple?: []; params?: {} }
    'recovery_codes.store': { paramsTuple?: []; params?: {} }
    'user_sessions.index': { paramsTuple?: []; params?: {} }
    'other_sessions.destroy': { paramsTuple?: []; params?: {} }
    'user_sessions.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'api_tokens.store': { paramsTuple?: []; params?: {} }
    'api_tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'away.edit': { paramsTuple?: []; params?: {} }
    'away.update': { paramsTuple?: []; params?: {} }
    'away.destroy': { paramsTuple?: []; params?: {} }
    'account_deletion.create': { paramsTuple?: []; params?: {} }
    'account_deletion.store': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'analytics.show': { paramsTuple?: []; params?: {} }
    'drafts.index': { paramsTuple?: []; params?: {} }
    'bounties.create': { paramsTuple?: []; params?: {} }
    'bounties.store': { paramsTuple?: []; params?: {} }
    'bounties.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounties.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_publications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_claims.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_claims.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_assignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_submissions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_approvals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_change_requests.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_comments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_attachments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'files.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_attachments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.index': { paramsTuple?: []; params?: {} }
    'teams.create': { paramsTuple?: []; params?: {} }
    'teams.store': { paramsTuple?: []; params?: {} }
    'team_memberships.create': { paramsTuple?: []; params?: {} }
    'team_memberships.store': { paramsTuple?: []; params?: {} }
    'teams.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_access_codes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_memberships.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'team_members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'team_invitations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_invitations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_invitations.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invitationId': ParamValue} }
    'invitations.index': { paramsTuple?: []; params?: {} }
    'invitation_acceptances.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitation_declines.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'user_searches.index': { paramsTuple?: []; params?: {} }
    'team_checkins.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_checkins.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'checkins.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'checkins.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'shop.index': { paramsTuple?: []; params?: {} }
    'shop_products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'shop_product_images.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart.show': { paramsTuple?: []; params?: {} }
    'cart_items.store': { paramsTuple?: []; params?: {} }
    'cart_items.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart_items.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.index': { paramsTuple?: []; params?: {} }
    'orders.create': { paramsTuple?: []; params?: {} }
    'orders.store': { paramsTuple?: []; params?: {} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'order_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'wallet.show': { paramsTuple?: []; params?: {} }
    'wallet_export.show': { paramsTuple?: []; params?: {} }
    'wallet_withdrawals.store': { paramsTuple?: []; params?: {} }
    'tips.create': { paramsTuple?: []; params?: {} }
    'tips.store': { paramsTuple?: []; params?: {} }
    'leaderboards.index': { paramsTuple?: []; params?: {} }
    'admin.dashboard.show': { paramsTuple?: []; params?: {} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.user_export.show': { paramsTuple?: []; params?: {} }
    'admin.users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_roles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_activations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_verifications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.impersonations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.impersonations.destroy': { paramsTuple?: []; params?: {} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit_export.show': { paramsTuple?: []; params?: {} }
    'admin.treasury.show': { paramsTuple?: []; params?: {} }
    'admin.deposits.store': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'admin.withdrawal_approvals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawal_rejections.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.bounties.index': { paramsTuple?: []; params?: {} }
    'admin.bounty_export.show': { paramsTuple?: []; params?: {} }
    'admin.bounty_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.ledger.index': { paramsTuple?: []; params?: {} }
    'admin.ledger_export.show': { paramsTuple?: []; params?: {} }
    'admin.ledger.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.ledger_verifications.store': { paramsTuple?: []; params?: {} }
    'admin.taxonomy.index': { paramsTuple?: []; params?: {} }
    'admin.tags.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.tags.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.tag_merges.store': { paramsTuple?: []; params?: {} }
    'admin.categories.store': { paramsTuple?: []; params?: {} }
    'admin.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.category_retirements.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.category_retirements.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.index': { paramsTuple?: []; params?: {} }
    'admin.products.create': { paramsTuple?: []; params?: {} }
    'admin.products.store': { paramsTuple?: []; params?: {} }
    'admin.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.product_archives.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.product_archives.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.index': { paramsTuple?: []; params?: {} }
    'admin.shop_categories.store': { paramsTuple?: []; params?: {} }
    'admin.shop_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.order_status_changes.store': { paramsTuple?: []; params?: {} }
    'admin.badges.index': { paramsTuple?: []; params?: {} }
    'admin.badges.store': { paramsTuple?: []; params?: {} }
    'admin.badges.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badges.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badges.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badge_grants.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badge_grants.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notification_bulk_readings.update': { paramsTuple?: []; params?: {} }
    'notification_readings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notification_preferences.edit': { paramsTuple?: []; params?: {} }
    'notification_preferences.update': { paramsTuple?: []; params?: {} }
    'bounty_watches.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tag_watches.update': { paramsTuple?: []; params?: {} }
    'team_watch_levels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mail_bodies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api_docs': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.auth.register': { paramsTuple?: []; params?: {} }
    'api.auth.login': { paramsTuple?: []; params?: {} }
    'api.auth.forgot_password': { paramsTuple?: []; params?: {} }
    'api.auth.reset_password': { paramsTuple?: []; params?: {} }
    'api.auth.verify_email': { paramsTuple?: []; params?: {} }
    'api.auth.logout': { paramsTuple?: []; params?: {} }
    'api.auth.refresh_token': { paramsTuple?: []; params?: {} }
    'api.users.profile': { paramsTuple?: []; params?: {} }
    'api.users.stats': { paramsTuple?: []; params?: {} }
    'api.users.public_profile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.search': { paramsTuple?: []; params?: {} }
    'api.users.badges': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.update_profile': { paramsTuple?: []; params?: {} }
    'api.users.update_settings': { paramsTuple?: []; params?: {} }
    'api.users.update_avatar': { paramsTuple?: []; params?: {} }
    'api.users.delete_account': { paramsTuple?: []; params?: {} }
    'api.dashboard.stats': { paramsTuple?: []; params?: {} }
    'api.dashboard.recent_activity': { paramsTuple?: []; params?: {} }
    'api.wallet.balance': { paramsTuple?: []; params?: {} }
    'api.wallet.transactions': { paramsTuple?: []; params?: {} }
    'api.wallet.withdraw': { paramsTuple?: []; params?: {} }
    'api.tips.store': { paramsTuple?: []; params?: {} }
    'api.bounties.index': { paramsTuple?: []; params?: {} }
    'api.bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.comments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.events.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.submissions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.files.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.unassign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.request_changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.comments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.files.upload': { paramsTuple?: []; params?: {} }
    'api.files.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.store': { paramsTuple?: []; params?: {} }
    'api.bounties.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.index': { paramsTuple?: []; params?: {} }
    'api.teams.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.members.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.invitations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.invitations.index': { paramsTuple?: []; params?: {} }
    'api.teams.store': { paramsTuple?: []; params?: {} }
    'api.teams.join': { paramsTuple?: []; params?: {} }
    'api.teams.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.access_code': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.leave': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'api.teams.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'api.teams.invitations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.invitations.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invitationId': ParamValue} }
    'api.invitations.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.invitations.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'api.admin.bounties.index': { paramsTuple?: []; params?: {} }
    'api.admin.bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.deposits.store': { paramsTuple?: []; params?: {} }
    'api.admin.withdrawals.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.withdrawals.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.orders.index': { paramsTuple?: []; params?: {} }
    'api.admin.products.store': { paramsTuple?: []; params?: {} }
    'api.admin.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.order_statuses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.users.index': { paramsTuple?: []; params?: {} }
    'api.admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'api.admin.user_roles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.user_activations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.index': { paramsTuple?: []; params?: {} }
    'api.notification_preferences.show': { paramsTuple?: []; params?: {} }
    'api.bounty_watches.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tag_watches.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team_watch_levels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notification_bulk_readings.update': { paramsTuple?: []; params?: {} }
    'api.notification_readings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notification_preferences.update': { paramsTuple?: []; params?: {} }
    'api.bounty_watches.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tag_watches.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team_watch_levels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.leaderboard.index': { paramsTuple?: []; params?: {} }
    'api.shop.products.index': { paramsTuple?: []; params?: {} }
    'api.shop.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.show': { paramsTuple?: []; params?: {} }
    'api.orders.index': { paramsTuple?: []; params?: {} }
    'api.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.items.store': { paramsTuple?: []; params?: {} }
    'api.cart.items.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.items.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.orders.store': { paramsTuple?: []; params?: {} }
    'api.checkins.index': { paramsTuple?: []; params?: {} }
    'api.checkins.current': { paramsTuple?: []; params?: {} }
    'api.checkins.team': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.personal': { paramsTuple?: []; params?: {} }
    'api.analytics.team': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.comparison': { paramsTuple?: []; params?: {} }
    'api.analytics.insights': { paramsTuple?: []; params?: {} }
    'api.analytics.bounty_trends': { paramsTuple?: []; params?: {} }
    'api.checkins.store': { paramsTuple?: []; params?: {} }
    'api.checkins.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkins.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'transmit.events': { paramsTuple?: []; params?: {} }
    'transmit.subscribe': { paramsTuple?: []; params?: {} }
    'transmit.unsubscribe': { paramsTuple?: []; params?: {} }
    'transmit_client': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'home': { paramsTuple?: []; params?: {} }
    'bounties.index': { paramsTuple?: []; params?: {} }
    'bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profiles.show': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
    'points.show': { paramsTuple?: []; params?: {} }
    'avatars.show': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'file': ParamValue} }
    'email_verification.show': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'registration.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'settings': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'account.edit': { paramsTuple?: []; params?: {} }
    'account_export.show': { paramsTuple?: []; params?: {} }
    'two_factor.show': { paramsTuple?: []; params?: {} }
    'user_sessions.index': { paramsTuple?: []; params?: {} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'away.edit': { paramsTuple?: []; params?: {} }
    'account_deletion.create': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'analytics.show': { paramsTuple?: []; params?: {} }
    'drafts.index': { paramsTuple?: []; params?: {} }
    'bounties.create': { paramsTuple?: []; params?: {} }
    'bounties.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'files.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.index': { paramsTuple?: []; params?: {} }
    'teams.create': { paramsTuple?: []; params?: {} }
    'team_memberships.create': { paramsTuple?: []; params?: {} }
    'teams.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_invitations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.index': { paramsTuple?: []; params?: {} }
    'user_searches.index': { paramsTuple?: []; params?: {} }
    'team_checkins.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'shop.index': { paramsTuple?: []; params?: {} }
    'shop_products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'shop_product_images.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart.show': { paramsTuple?: []; params?: {} }
    'orders.index': { paramsTuple?: []; params?: {} }
    'orders.create': { paramsTuple?: []; params?: {} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'wallet.show': { paramsTuple?: []; params?: {} }
    'wallet_export.show': { paramsTuple?: []; params?: {} }
    'tips.create': { paramsTuple?: []; params?: {} }
    'leaderboards.index': { paramsTuple?: []; params?: {} }
    'admin.dashboard.show': { paramsTuple?: []; params?: {} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.user_export.show': { paramsTuple?: []; params?: {} }
    'admin.users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit_export.show': { paramsTuple?: []; params?: {} }
    'admin.treasury.show': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'admin.bounties.index': { paramsTuple?: []; params?: {} }
    'admin.bounty_export.show': { paramsTuple?: []; params?: {} }
    'admin.ledger.index': { paramsTuple?: []; params?: {} }
    'admin.ledger_export.show': { paramsTuple?: []; params?: {} }
    'admin.ledger.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.taxonomy.index': { paramsTuple?: []; params?: {} }
    'admin.products.index': { paramsTuple?: []; params?: {} }
    'admin.products.create': { paramsTuple?: []; params?: {} }
    'admin.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.index': { paramsTuple?: []; params?: {} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.badges.index': { paramsTuple?: []; params?: {} }
    'admin.badges.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notification_preferences.edit': { paramsTuple?: []; params?: {} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mail_bodies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api_docs': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.auth.verify_email': { paramsTuple?: []; params?: {} }
    'api.users.profile': { paramsTuple?: []; params?: {} }
    'api.users.stats': { paramsTuple?: []; params?: {} }
    'api.users.public_profile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.search': { paramsTuple?: []; params?: {} }
    'api.users.badges': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.dashboard.stats': { paramsTuple?: []; params?: {} }
    'api.dashboard.recent_activity': { paramsTuple?: []; params?: {} }
    'api.wallet.balance': { paramsTuple?: []; params?: {} }
    'api.wallet.transactions': { paramsTuple?: []; params?: {} }
    'api.bounties.index': { paramsTuple?: []; params?: {} }
    'api.bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.comments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.events.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.submissions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.files.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.index': { paramsTuple?: []; params?: {} }
    'api.teams.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.members.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.invitations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.invitations.index': { paramsTuple?: []; params?: {} }
    'api.admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'api.admin.bounties.index': { paramsTuple?: []; params?: {} }
    'api.admin.orders.index': { paramsTuple?: []; params?: {} }
    'api.admin.users.index': { paramsTuple?: []; params?: {} }
    'api.admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'api.notifications.index': { paramsTuple?: []; params?: {} }
    'api.notification_preferences.show': { paramsTuple?: []; params?: {} }
    'api.bounty_watches.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tag_watches.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team_watch_levels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.leaderboard.index': { paramsTuple?: []; params?: {} }
    'api.shop.products.index': { paramsTuple?: []; params?: {} }
    'api.shop.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.show': { paramsTuple?: []; params?: {} }
    'api.orders.index': { paramsTuple?: []; params?: {} }
    'api.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkins.index': { paramsTuple?: []; params?: {} }
    'api.checkins.current': { paramsTuple?: []; params?: {} }
    'api.checkins.team': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.personal': { paramsTuple?: []; params?: {} }
    'api.analytics.team': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.comparison': { paramsTuple?: []; params?: {} }
    'api.analytics.insights': { paramsTuple?: []; params?: {} }
    'api.analytics.bounty_trends': { paramsTuple?: []; params?: {} }
    'transmit.events': { paramsTuple?: []; params?: {} }
    'transmit_client': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'home': { paramsTuple?: []; params?: {} }
    'bounties.index': { paramsTuple?: []; params?: {} }
    'bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profiles.show': { paramsTuple: [ParamValue]; params: {'username': ParamValue} }
    'points.show': { paramsTuple?: []; params?: {} }
    'avatars.show': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'file': ParamValue} }
    'email_verification.show': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'registration.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'settings': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'account.edit': { paramsTuple?: []; params?: {} }
    'account_export.show': { paramsTuple?: []; params?: {} }
    'two_factor.show': { paramsTuple?: []; params?: {} }
    'user_sessions.index': { paramsTuple?: []; params?: {} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'away.edit': { paramsTuple?: []; params?: {} }
    'account_deletion.create': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'analytics.show': { paramsTuple?: []; params?: {} }
    'drafts.index': { paramsTuple?: []; params?: {} }
    'bounties.create': { paramsTuple?: []; params?: {} }
    'bounties.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'files.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.index': { paramsTuple?: []; params?: {} }
    'teams.create': { paramsTuple?: []; params?: {} }
    'team_memberships.create': { paramsTuple?: []; params?: {} }
    'teams.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_invitations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.index': { paramsTuple?: []; params?: {} }
    'user_searches.index': { paramsTuple?: []; params?: {} }
    'team_checkins.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'shop.index': { paramsTuple?: []; params?: {} }
    'shop_products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'shop_product_images.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart.show': { paramsTuple?: []; params?: {} }
    'orders.index': { paramsTuple?: []; params?: {} }
    'orders.create': { paramsTuple?: []; params?: {} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'wallet.show': { paramsTuple?: []; params?: {} }
    'wallet_export.show': { paramsTuple?: []; params?: {} }
    'tips.create': { paramsTuple?: []; params?: {} }
    'leaderboards.index': { paramsTuple?: []; params?: {} }
    'admin.dashboard.show': { paramsTuple?: []; params?: {} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.user_export.show': { paramsTuple?: []; params?: {} }
    'admin.users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit_export.show': { paramsTuple?: []; params?: {} }
    'admin.treasury.show': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'admin.bounties.index': { paramsTuple?: []; params?: {} }
    'admin.bounty_export.show': { paramsTuple?: []; params?: {} }
    'admin.ledger.index': { paramsTuple?: []; params?: {} }
    'admin.ledger_export.show': { paramsTuple?: []; params?: {} }
    'admin.ledger.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.taxonomy.index': { paramsTuple?: []; params?: {} }
    'admin.products.index': { paramsTuple?: []; params?: {} }
    'admin.products.create': { paramsTuple?: []; params?: {} }
    'admin.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.index': { paramsTuple?: []; params?: {} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.badges.index': { paramsTuple?: []; params?: {} }
    'admin.badges.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notification_preferences.edit': { paramsTuple?: []; params?: {} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mail_bodies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api_docs': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.auth.verify_email': { paramsTuple?: []; params?: {} }
    'api.users.profile': { paramsTuple?: []; params?: {} }
    'api.users.stats': { paramsTuple?: []; params?: {} }
    'api.users.public_profile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.search': { paramsTuple?: []; params?: {} }
    'api.users.badges': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.dashboard.stats': { paramsTuple?: []; params?: {} }
    'api.dashboard.recent_activity': { paramsTuple?: []; params?: {} }
    'api.wallet.balance': { paramsTuple?: []; params?: {} }
    'api.wallet.transactions': { paramsTuple?: []; params?: {} }
    'api.bounties.index': { paramsTuple?: []; params?: {} }
    'api.bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.comments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.events.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.submissions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.files.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.index': { paramsTuple?: []; params?: {} }
    'api.teams.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.members.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.invitations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.invitations.index': { paramsTuple?: []; params?: {} }
    'api.admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'api.admin.bounties.index': { paramsTuple?: []; params?: {} }
    'api.admin.orders.index': { paramsTuple?: []; params?: {} }
    'api.admin.users.index': { paramsTuple?: []; params?: {} }
    'api.admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'api.notifications.index': { paramsTuple?: []; params?: {} }
    'api.notification_preferences.show': { paramsTuple?: []; params?: {} }
    'api.bounty_watches.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tag_watches.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team_watch_levels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.leaderboard.index': { paramsTuple?: []; params?: {} }
    'api.shop.products.index': { paramsTuple?: []; params?: {} }
    'api.shop.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.show': { paramsTuple?: []; params?: {} }
    'api.orders.index': { paramsTuple?: []; params?: {} }
    'api.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkins.index': { paramsTuple?: []; params?: {} }
    'api.checkins.current': { paramsTuple?: []; params?: {} }
    'api.checkins.team': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.personal': { paramsTuple?: []; params?: {} }
    'api.analytics.team': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.comparison': { paramsTuple?: []; params?: {} }
    'api.analytics.insights': { paramsTuple?: []; params?: {} }
    'api.analytics.bounty_trends': { paramsTuple?: []; params?: {} }
    'transmit.events': { paramsTuple?: []; params?: {} }
    'transmit_client': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'registration.store': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'two_factor_challenge.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'email_verification.store': { paramsTuple?: []; params?: {} }
    'two_factor.store': { paramsTuple?: []; params?: {} }
    'recovery_codes.store': { paramsTuple?: []; params?: {} }
    'api_tokens.store': { paramsTuple?: []; params?: {} }
    'account_deletion.store': { paramsTuple?: []; params?: {} }
    'bounties.store': { paramsTuple?: []; params?: {} }
    'bounty_publications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_claims.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_assignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_submissions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_approvals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_change_requests.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_comments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_attachments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.store': { paramsTuple?: []; params?: {} }
    'team_memberships.store': { paramsTuple?: []; params?: {} }
    'team_access_codes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_invitations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitation_acceptances.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitation_declines.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_checkins.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart_items.store': { paramsTuple?: []; params?: {} }
    'orders.store': { paramsTuple?: []; params?: {} }
    'order_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'wallet_withdrawals.store': { paramsTuple?: []; params?: {} }
    'tips.store': { paramsTuple?: []; params?: {} }
    'admin.user_verifications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.impersonations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.deposits.store': { paramsTuple?: []; params?: {} }
    'admin.withdrawal_approvals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawal_rejections.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.bounty_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.ledger_verifications.store': { paramsTuple?: []; params?: {} }
    'admin.tag_merges.store': { paramsTuple?: []; params?: {} }
    'admin.categories.store': { paramsTuple?: []; params?: {} }
    'admin.category_retirements.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.store': { paramsTuple?: []; params?: {} }
    'admin.product_archives.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.store': { paramsTuple?: []; params?: {} }
    'admin.order_status_changes.store': { paramsTuple?: []; params?: {} }
    'admin.badges.store': { paramsTuple?: []; params?: {} }
    'admin.badge_grants.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auth.register': { paramsTuple?: []; params?: {} }
    'api.auth.login': { paramsTuple?: []; params?: {} }
    'api.auth.forgot_password': { paramsTuple?: []; params?: {} }
    'api.auth.reset_password': { paramsTuple?: []; params?: {} }
    'api.auth.logout': { paramsTuple?: []; params?: {} }
    'api.auth.refresh_token': { paramsTuple?: []; params?: {} }
    'api.wallet.withdraw': { paramsTuple?: []; params?: {} }
    'api.tips.store': { paramsTuple?: []; params?: {} }
    'api.bounties.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.unassign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.request_changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bounties.comments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.files.upload': { paramsTuple?: []; params?: {} }
    'api.bounties.store': { paramsTuple?: []; params?: {} }
    'api.bounties.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.store': { paramsTuple?: []; params?: {} }
    'api.teams.join': { paramsTuple?: []; params?: {} }
    'api.teams.access_code': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.leave': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.invitations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.invitations.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.invitations.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.deposits.store': { paramsTuple?: []; params?: {} }
    'api.admin.withdrawals.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.withdrawals.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.products.store': { paramsTuple?: []; params?: {} }
    'api.cart.items.store': { paramsTuple?: []; params?: {} }
    'api.orders.store': { paramsTuple?: []; params?: {} }
    'api.checkins.store': { paramsTuple?: []; params?: {} }
    'transmit.subscribe': { paramsTuple?: []; params?: {} }
    'transmit.unsubscribe': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'avatar.update': { paramsTuple?: []; params?: {} }
    'email.update': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'two_factor.update': { paramsTuple?: []; params?: {} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'away.update': { paramsTuple?: []; params?: {} }
    'bounties.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'checkins.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart_items.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_roles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_activations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.tags.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badges.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notification_bulk_readings.update': { paramsTuple?: []; params?: {} }
    'notification_readings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notification_preferences.update': { paramsTuple?: []; params?: {} }
    'bounty_watches.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tag_watches.update': { paramsTuple?: []; params?: {} }
    'team_watch_levels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.update_profile': { paramsTuple?: []; params?: {} }
    'api.users.update_settings': { paramsTuple?: []; params?: {} }
    'api.users.update_avatar': { paramsTuple?: []; params?: {} }
    'api.bounties.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'api.admin.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.order_statuses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.user_roles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.user_activations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notification_bulk_readings.update': { paramsTuple?: []; params?: {} }
    'api.notification_readings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notification_preferences.update': { paramsTuple?: []; params?: {} }
    'api.bounty_watches.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tag_watches.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team_watch_levels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.items.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkins.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'avatar.destroy': { paramsTuple?: []; params?: {} }
    'two_factor.destroy': { paramsTuple?: []; params?: {} }
    'other_sessions.destroy': { paramsTuple?: []; params?: {} }
    'user_sessions.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api_tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'away.destroy': { paramsTuple?: []; params?: {} }
    'bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_claims.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bounty_attachments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'teams.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_memberships.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team_members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'team_invitations.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invitationId': ParamValue} }
    'checkins.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart_items.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.impersonations.destroy': { paramsTuple?: []; params?: {} }
    'admin.bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.tags.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.category_retirements.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.product_archives.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.shop_categories.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badges.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.badge_grants.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'notifications.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.delete_account': { paramsTuple?: []; params?: {} }
    'api.bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.files.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'api.teams.invitations.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invitationId': ParamValue} }
    'api.admin.bounties.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.cart.items.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkins.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}