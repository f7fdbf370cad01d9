import { createHash, randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import { generateSecret, generateURI, verifySync } from 'otplib'
import encryption from '@adonisjs/core/services/encryption'

const ISSUER = 'Corps'
const RECOVERY_CODE_COUNT = 10
const ENCRYPTION_PURPOSE = 'two_factor_secret'

/**
 * TOTP (RFC 6238) and recovery-code primitives for two-factor sign-in (A6).
 * Secrets are stored encrypted with the app key; recovery codes are random
 * enough that a SHA-256 digest is a safe way to keep them.
 */
export const twoFactor = {
  newSecret() {
    return generateSecret()
  },

  encryptSecret(secret: string) {
    return encryption.encrypt(secret, undefined, ENCRYPTION_PURPOSE)
  },

  decryptSecret(stored: string) {
    return encryption.decrypt<string>(stored, ENCRYPTION_PURPOSE)
  },

  otpauthUri(secret: string, accountName: string) {
    return generateURI({ issuer: ISSUER, label: accountName, secret })
  },

  qrCodeDataUrl(uri: string) {
    return QRCode.toDataURL(uri, { margin: 1, width: 224, errorCorrectionLevel: 'M' })
  },

  /**
   * The time step of a valid code (one step of clock drift either way), or
   * null. Codes of a step at or before `afterTimeStep` were already used.
   */
  verifyCode(secret: string, code: string, afterTimeStep?: number | null) {
    const token = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(token)) return null
    try {
      const result = verifySync({
        secret,
        token,
        epochTolerance: 30,
        ...(afterTimeStep ? { afterTimeStep } : {}),
      })
      return result.valid && 'timeStep' in result ? result.timeStep : null
    } catch {
      return null
    }
  },

  /**
   * What the setup page shows: the QR code and the key to type by hand.
   */
  async provisioning(secret: string, accountName: string) {
    const uri = this.otpauthUri(secret, accountName)
    return { secret, uri, qrCodeDataUrl: await this.qrCodeDataUrl(uri) }
  },

  newRecoveryCodes() {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const hex = randomBytes(5).toString('hex')
      return `${hex.slice(0, 5)}-${hex.slice(5)}`
    })
  },

  digestRecoveryCode(code: string) {
    const normalized = code
      .trim()
      .toLowerCase()
      .replace(/[^a-f0-9]/g, '')
    return createHash('sha256').update(normalized).digest('hex')
  },
}
