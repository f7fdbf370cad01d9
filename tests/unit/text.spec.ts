import { test } from '@japa/runner'
import { containing, excerpt, leadingCharacters, trailingCharacters } from '#services/text'

const FLAG = '🇫🇷' // two code points, four UTF-16 units, one character
const FAMILY = '👨‍👩‍👧' // five code points joined into one character

test.group('Cutting text on whole characters', () => {
  test('the end of a name keeps whole characters within the limit in code points', ({ assert }) => {
    assert.equal(trailingCharacters(`${FLAG.repeat(200)}.txt`, 255), `${FLAG.repeat(125)}.txt`)
    assert.equal(trailingCharacters(`${'😀'.repeat(300)}.png`, 255), `${'😀'.repeat(251)}.png`)
    assert.equal(trailingCharacters(`a${FAMILY}b`, 6), `${FAMILY}b`)
    assert.equal(trailingCharacters(`a${FAMILY}b`, 5), 'b')
    assert.equal(trailingCharacters('short.txt', 255), 'short.txt')
  })

  test('the start of a text keeps whole characters within the limit', ({ assert }) => {
    assert.equal(leadingCharacters(`${FLAG}${FLAG}`, 3), FLAG)
    assert.equal(leadingCharacters('e\u0301te\u0301', 3), 'e\u0301t')
    assert.equal(leadingCharacters('plain', 3), 'pla')
  })

  test('an excerpt ends in an ellipsis only when it was cut', ({ assert }) => {
    assert.equal(excerpt('short', 200), 'short')
    assert.equal(excerpt('😀'.repeat(10), 5), `${'😀'.repeat(4)}…`)
    assert.isTrue(excerpt('😀'.repeat(300), 200).isWellFormed())
  })

  test('a LIKE pattern takes the words’ own wildcards literally', ({ assert }) => {
    assert.equal(containing('pen'), '%pen%')
    assert.equal(containing('50%_off\\'), '%50\\%\\_off\\\\%')
  })
})
