/*
|--------------------------------------------------------------------------
| Validator file
|--------------------------------------------------------------------------
*/
import vine, { SimpleMessagesProvider } from '@vinejs/vine'

vine.messagesProvider = new SimpleMessagesProvider({
  'required': 'The {{ field }} field is required',
  'string': 'The {{ field }} field must be text',
  'email': 'Enter a valid email address',
  'minLength': 'The {{ field }} field must have at least {{ min }} characters',
  'maxLength': 'The {{ field }} field must not be longer than {{ max }} characters',
  'regex': 'The {{ field }} field format is invalid',
  'url': 'Enter a valid URL (https://…)',
  'enum': 'Choose one of: {{ choices }}',
  'confirmed': 'The passwords do not match',
  'readableText': 'The {{ field }} field must have visible characters',
  'database.unique': 'This {{ field }} is already taken',
  'username.regex': 'Use 3–20 characters: lowercase letters, digits and underscores',
  'password.regex':
    'Use at least 8 characters with an uppercase letter, a lowercase letter and a digit',
})
