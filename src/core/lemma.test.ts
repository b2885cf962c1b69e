import { describe, expect, it } from 'vitest';
import { lemmatize } from './lemma.js';

/** `pairs` is "form lemma form lemma …", all with the PTB tag `tag`. */
function check(tag: string, pairs: string): void {
  const words = pairs.trim().split(/\s+/);
  for (let i = 0; i < words.length; i += 2) expect(`${words[i]} → ${lemmatize(words[i], tag)}`).toBe(`${words[i]} → ${words[i + 1]}`);
}

/** `cases` is "form/TAG lemma …". */
function checkTagged(cases: string): void {
  const words = cases.trim().split(/\s+/);
  for (let i = 0; i < words.length; i += 2) {
    const [form, tag] = words[i].split('/');
    expect(`${words[i]} → ${lemmatize(form, tag)}`).toBe(`${words[i]} → ${words[i + 1]}`);
  }
}

describe('lemmatize', () => {
  it('gives the lemma of past forms of attribution cue verbs', () => {
    const cues = `said say told tell denied deny dismissed dismiss claimed claim vowed vow condemned condemn
      accused accuse warned warn added add noted note insisted insist stated state argued argue
      admitted admit stressed stress urged urge threatened threaten announced announce revealed reveal
      declared declare confirmed confirm rejected reject disputed dispute acknowledged acknowledge
      alleged allege refuted refute testified testify replied reply denounced denounce slammed slam
      quipped quip pledged pledge conceded concede reiterated reiterate criticized criticize
      emphasised emphasise described describe predicted predict promised promise welcomed welcome
      praised praise blamed blame charged charge responded respond quoted quote cited cite wrote write
      recalled recall agreed agree estimated estimate questioned question cautioned caution`;
    check('VBD', cues);
    check('VBN', cues);
  });

  it('undoes -ing, -s and irregular forms', () => {
    check('VBG', `saying say denying deny making make using use taking take putting put running run
      changing change belonging belong bringing bring travelling travel controlling control seeing see
      agreeing agree continuing continue dying die being be having have underlying underlie focusing focus`);
    check('VBZ', `says say denies deny dies die goes go uses use focuses focus watches watch attaches attach
      accuses accuse argues argue has have is be does do 's be`);
    check('VBD', `was be were be had have did do went go thought think found find left leave lay lie
      rebuilt rebuild withheld withhold 'd have`);
    check('VBN', 'been be gone go known know born bear overseen oversee undergone undergo');
  });

  it('keeps base forms as they are, except the present of be and have', () => {
    check('VB', 'lay lay found found say say');
    check('VBP', "are be 'm be 're be 've have resent resent");
  });

  it('undoes consonant doubling and restores a silent e', () => {
    check('VBD', `stopped stop planned plan committed commit referred refer called call filled fill
      installed install travelled travel hoped hope voted vote ruled rule judged judge changed change
      handled handle examined examine opened open visited visit developed develop escaped escape
      created create negotiated negotiate evaluated evaluate guided guide acquired acquire`);
  });

  it('singularizes plural nouns', () => {
    check('NNS', `people person children child women woman businessmen businessman viruses virus houses house
      cases case processes process taxes tax churches church headaches headache approaches approach
      cities city movies movie wolves wolf archives archive lives life heroes hero shoes shoe
      crises crisis criteria criterion media medium news news series series 1960s 1960s`);
    check('NNPS', 'Americans american States state'.toLowerCase());
  });

  it('maps comparatives and superlatives to the positive', () => {
    check('JJR', 'bigger big larger large greater great younger young easier easy better good worse bad more more');
    check('JJS', 'biggest big latest late earliest early best good worst bad most most');
    check('RBR', 'better well later late earlier early');
  });

  it('follows UD English for clitics, pronouns and determiners', () => {
    checkTagged(`n't/RB not  's/POS 's  'd/MD would  'll/MD will  ca/MD can  wo/MD will  him/PRP he
      them/PRP they  's/PRP we  whom/WP who  an/DT a  those/DT that`);
  });

  it('folds curly apostrophes and leaves other words alone', () => {
    checkTagged("n’t/RB not  ’s/VBZ be  taliban/NNP taliban  quickly/RB quickly  red/VBD red  sing/VBG sing");
  });
});
