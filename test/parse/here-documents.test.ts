import { endsHereDocument, hereDocumentEnd, hereDocumentOpening } from '../../src/parse/here-documents';
import { forLoopAround } from '../../src/parse/shell-loops';

/** What ends `cat <<EOF` / `cat <<-EOF`: GNU bash 5.2.15's answers, checked by hand (src/parse/here-documents.ts). */
describe('the line that ends a here-document, as bash decides it', () => {
  it.each([
    ['cat <<EOF', 'EOF', true],
    ['cat <<EOF', 'EOF ', false],
    ['cat <<EOF', '\tEOF', false],
    ['cat <<-EOF', '\tEOF', true],
    ['cat <<-EOF', '\t\tEOF', true],
    ['cat <<-EOF', '  EOF', false],
    ["cat <<'EOF'", 'EOF', true],
    ['cat << "EOF" > x.yaml', 'EOF', true],
    ['cat <<EOF', 'EOFX', false],
  ])('%j: %j ends it: %s', (opening, line, ends) => {
    expect(endsHereDocument(line, hereDocumentOpening(opening)!)).toBe(ends);
  });

  it.each([
    ['cat <<EOF', { index: 4, stripTabs: false, quoted: false, delimiter: 'EOF' }],
    ["runmqsc QM1 <<- 'MQSC'", { index: 12, stripTabs: true, quoted: true, delimiter: 'MQSC' }],
    // A here-string: the word is the input, no line ends anything.
    ['cat <<<EOF', undefined],
    ['runmqsc QM1 <<< "DISPLAY QMGR"', undefined],
  ])('%j opens %j', (line, opening) => {
    expect(hereDocumentOpening(line)).toEqual(opening);
  });

  it('runs to the end of the file when no line ends it', () => {
    const lines = ['cat <<EOF', 'a', 'EOF ', 'b'];
    expect(hereDocumentEnd(lines, 0, hereDocumentOpening(lines[0]!)!)).toBe(4);
  });
});

describe('a for loop around a line, past a here-document in its body', () => {
  it("a delimiter with a blank after it is the here-document's text: the loop's `done` after it is text too", () => {
    const lines = [
      'for qm in QM1 QM2; do',
      '  cat <<EOF > notes.txt',
      'EOF ',
      'done',
      'EOF',
      '  runmqsc $qm < qm.mqsc',
    ];
    expect(forLoopAround(lines, 5, 'qm')?.words.map((w) => w.text)).toEqual(['QM1', 'QM2']);
  });

  it('the delimiter alone ends it: the `done` after it closes the loop', () => {
    const lines = ['for qm in QM1 QM2; do', '  cat <<EOF > notes.txt', 'EOF', 'done', '  runmqsc $qm < qm.mqsc'];
    expect(forLoopAround(lines, 4, 'qm')).toBeUndefined();
  });
});
