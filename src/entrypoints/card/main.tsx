import { render } from 'preact';
import { CardFrame } from '../../pages/card/CardFrame';
import { cardServices } from '../../pages/card/services';
import './style.css';

// The design tokens are in card.html already (build/page-tokens.ts).
render(<CardFrame services={cardServices} />, document.getElementById('app')!);
