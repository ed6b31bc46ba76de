import { render } from 'preact';
import { CardFrame } from '../../pages/card/CardFrame';
import { cardServices } from '../../pages/card/services';
import './style.css';

render(<CardFrame services={cardServices} />, document.getElementById('app')!);
