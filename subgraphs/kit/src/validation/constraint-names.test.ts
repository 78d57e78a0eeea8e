import 'reflect-metadata';
import { IsInt, IsUUID, Length, Max, validate } from 'class-validator';
import { bilingualConstraintMessage } from './constraint-names';
import { NotBlank } from './common-decorators';

class Sample {
  @Length(1, 5)
  title = 'far too long';

  @IsInt()
  @Max(10)
  count: unknown = 1.5;

  @IsUUID()
  id = 'x';

  @NotBlank()
  note = '   ';
}

describe('validation messages, Chinese first', () => {
  it('puts the rule\'s meaning in Chinese before class-validator\'s English, for the rule names class-validator reports', async () => {
    const errors = await validate(new Sample());
    const messages = Object.fromEntries(errors.map((error) => [error.property, Object.entries(error.constraints!).map(([rule, message]) => bilingualConstraintMessage(rule, message))]));
    expect(messages.title).toEqual(['长度超出允许范围 / title must be shorter than or equal to 5 characters']);
    expect(messages.count).toEqual(['须为整数 / count must be an integer number']);
    expect(messages.id).toEqual(['须为记录标识（UUID） / id must be a UUID']);
  });

  it('leaves a message the platform wrote in Chinese as it is', async () => {
    const [note] = (await validate(new Sample())).filter((error) => error.property === 'note');
    const [rule, message] = Object.entries(note.constraints!)[0];
    expect(bilingualConstraintMessage(rule, message)).toBe('不能为空 / must not be blank');
  });

  it('says 输入有误 for a rule it has no words for', () => {
    expect(bilingualConstraintMessage('isSomethingNew', 'value is wrong')).toBe('输入有误 / value is wrong');
  });
});
