import { render } from 'preact';
import { CardFrame } from '../../pages/card/CardFrame';
import { cardServices } from '../../pages/card/services';
import { frameTokenCss } from '../../ui/design/tokens';
import './style.css';

// The design tokens first, so the card's first paint is already in Vivre's colours.
const tokens = document.createElement('style');
tokens.textContent = frameTokenCss();
document.head.prepend(tokens);

render(<CardFrame services={cardServices} />, document.getElementById('app')!);
