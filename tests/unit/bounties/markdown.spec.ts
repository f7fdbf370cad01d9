import { test } from '@japa/runner'
import { extractMentions, renderMarkdown } from '#services/markdown'

test.group('Markdown rendering', () => {
  test('renders markdown to HTML', ({ assert }) => {
    assert.equal(
      renderMarkdown('**bold** and `code`'),
      '<p><strong>bold</strong> and <code>code</code></p>'
    )
    assert.include(renderMarkdown('- [x] done'), '<input checked disabled type="checkbox" />')
  })

  test('raw HTML shows as text', ({ assert }) => {
    assert.equal(
      renderMarkdown('<b onclick="x()">hi</b>'),
      '<p>&lt;b onclick="x()"&gt;hi&lt;/b&gt;</p>'
    )
    assert.equal(
      renderMarkdown('<script>alert(1)</script>'),
      '&lt;script&gt;alert(1)&lt;/script&gt;'
    )
  })

  test('links keep only safe schemes and never hand over the opener', ({ assert }) => {
    assert.equal(
      renderMarkdown('[ok](https://example.com)'),
      '<p><a href="https://example.com" rel="nofollow noopener noreferrer ugc" target="_blank">ok</a></p>'
    )
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      assert.notInclude(renderMarkdown(`[x](${url})`), 'href=')
    }
  })

  test('images become links, so no page loads a third-party pixel', ({ assert }) => {
    assert.equal(
      renderMarkdown('![pixel](https://tracker.example/p.gif)'),
      '<p><a href="https://tracker.example/p.gif" rel="nofollow noopener noreferrer ugc" target="_blank">pixel</a></p>'
    )
  })
})

test.group('Mentions', () => {
  test('finds @usernames once, lower-cased, in order', ({ assert }) => {
    assert.deepEqual(extractMentions('@Tanjiro and @nezuko_1, then @tanjiro again'), [
      'tanjiro',
      'nezuko_1',
    ])
  })

  test('ignores emails, code and names of the wrong length', ({ assert }) => {
    assert.deepEqual(
      extractMentions('mail a@b.com `@inline` \n```\n@block\n```\n@ab @' + 'x'.repeat(21)),
      []
    )
  })
})
