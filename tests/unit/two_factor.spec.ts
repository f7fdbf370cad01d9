import { test } from '@japa/runner'
import { generateSync } from 'otplib'
import { twoFactor } from '#services/two_factor'

test.group('Two-factor primitives', () => {
  test('accepts the current code and refuses others', ({ assert }) => {
    const secret = twoFactor.newSecret()
    const code = generateSync({ secret })
    assert.isNumber(twoFactor.verifyCode(secret, code))
    assert.isNumber(twoFactor.verifyCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`))
    assert.isNull(twoFactor.verifyCode(secret, code === '000000' ? '111111' : '000000'))
    assert.isNull(twoFactor.verifyCode(secret, '12345'))
    assert.isNull(twoFactor.verifyCode(secret, 'abcdef'))
  })

  test('a code is not accepted again after its time step was used', ({ assert }) => {
    const secret = twoFactor.newSecret()
    const code = generateSync({ secret })
    const step = twoFactor.verifyCode(secret, code)!
    assert.isNull(twoFactor.verifyCode(secret, code, step))
  })

  test('the secret is encrypted at rest and decrypts back', ({ assert }) => {
    const secret = twoFactor.newSecret()
    const stored = twoFactor.encryptSecret(secret)
    assert.notInclude(stored, secret)
    assert.equal(twoFactor.decryptSecret(stored), secret)
    assert.isNull(twoFactor.decryptSecret('tampered'))
  })

  test('ten distinct recovery codes, matched however they are typed', ({ assert }) => {
    const codes = twoFactor.newRecoveryCodes()
    assert.lengthOf(new Set(codes), 10)
    for (const code of codes) assert.match(code, /^[a-f0-9]{5}-[a-f0-9]{5}$/)
    const digest = twoFactor.digestRecoveryCode(codes[0])
    assert.equal(
      twoFactor.digestRecoveryCode(` ${codes[0].toUpperCase().replace('-', '')} `),
      digest
    )
    assert.notEqual(twoFactor.digestRecoveryCode(codes[1]), digest)
  })

  test('the otpauth URI names Corps and the account', ({ assert }) => {
    const uri = twoFactor.otpauthUri('JBSWY3DPEHPK3PXP', 'tanjiro@example.com')
    assert.equal(
      uri,
      'otpauth://totp/Corps:tanjiro%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Corps'
    )
  })
})
